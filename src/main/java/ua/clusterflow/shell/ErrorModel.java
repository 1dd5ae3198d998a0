package ua.clusterflow.shell;

import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * What an error page is given: its status and path. Spring Boot's reason phrase ("Not Found") and message are left
 * out: the page says what happened in the reader's language from the status, and the layout, which shows a flash
 * {@code error} or {@code message} by its message key, must not take the reason phrase for one.
 */
@Component
public class ErrorModel extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        attributes.remove("error");
        attributes.remove("message");
        return attributes;
    }
}
