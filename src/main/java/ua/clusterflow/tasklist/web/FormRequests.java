package ua.clusterflow.tasklist.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;
import ua.clusterflow.tasklist.FormDefinition;
import ua.clusterflow.tasklist.FormSubmission;
import ua.clusterflow.tasklist.FormValidator;

/** Reads a posted form, with or without files, and validates it against its definition. */
public final class FormRequests {

    private FormRequests() {
    }

    public static FormSubmission validate(FormValidator validator, FormDefinition form, HttpServletRequest request) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        request.getParameterMap().forEach((key, values) -> params.put(key, Arrays.asList(values)));
        MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        MultiValueMap<String, MultipartFile> files = multipart != null ? multipart.getMultiFileMap()
                : new LinkedMultiValueMap<>();
        return validator.validate(form, params, files);
    }
}
