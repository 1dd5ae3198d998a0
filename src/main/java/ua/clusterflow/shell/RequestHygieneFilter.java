package ua.clusterflow.shell;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses with 400 a request whose address or parameters carry characters no person types: control characters
 * other than tab and line breaks (which text areas send), and the replacement character that stands for bytes
 * that were not UTF-8. Nothing behind this filter has to guess what such text would mean in a header, a redirect
 * or a log line.
 */
public class RequestHygieneFilter extends OncePerRequestFilter {

    /** Where Tomcat says why it read no parameters of a request, and the reason for a body over its size. */
    private static final String PARSE_FAILED_REASON = "org.apache.catalina.parameter_parse_failed_reason";
    private static final String POST_TOO_LARGE = "POST_TOO_LARGE";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (bad(request.getServletPath(), false) || bad(request.getPathInfo(), false) || badParameters(request)) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        if (POST_TOO_LARGE.equals(String.valueOf(request.getAttribute(PARSE_FAILED_REASON)))) {
            // the container read no parameter of a form over its size: say so, rather than let the missing CSRF token
            // answer that the person has no access
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean badParameters(HttpServletRequest request) {
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (RuntimeException unreadable) {
            // a body the container cannot parse (an oversized upload): left to the handlers that report it
            return false;
        }
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            if (bad(parameter.getKey(), false)) {
                return true;
            }
            for (String value : parameter.getValue()) {
                if (bad(value, true)) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean bad(String text, boolean lineBreaksAllowed) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineBreak = c == '\n' || c == '\r' || c == '\t';
            if ((c < 0x20 && !(lineBreaksAllowed && lineBreak)) || c == 0x7f || c == '\uFFFD'
                    || (c >= 0x80 && c < 0xa0)) {
                return true;
            }
        }
        return false;
    }
}
