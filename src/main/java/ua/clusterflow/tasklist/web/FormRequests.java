package ua.clusterflow.tasklist.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;
import ua.clusterflow.base.AppClock;
import ua.clusterflow.tasklist.FormDefinition;
import ua.clusterflow.tasklist.FormField;
import ua.clusterflow.tasklist.FormSubmission;
import ua.clusterflow.tasklist.FormValidator;

/** Reads a posted form, with or without files, and validates it against its definition. */
public final class FormRequests {

    private FormRequests() {
    }

    /** Stored values as a form shows them typed: dates as ISO days in Kyiv, several choices one by one. */
    public static Map<String, Object> typed(FormDefinition form, Map<String, Object> stored) {
        Map<String, Object> typed = new LinkedHashMap<>();
        for (FormField field : form.fields()) {
            Object value = stored.get(field.key());
            if (value == null || field.isFile() || field.isStatic()) {
                continue;
            }
            if (value instanceof Date date) {
                typed.put(field.key(), date.toInstant().atZone(AppClock.KYIV).toLocalDate().toString());
            } else if (field.isMulti()) {
                typed.put(field.key(), List.of(value.toString().split(",")));
            } else if (value instanceof Double number && number == Math.rint(number) && !Double.isInfinite(number)) {
                typed.put(field.key(), String.valueOf(number.longValue()));
            } else {
                typed.put(field.key(), value.toString());
            }
        }
        return typed;
    }

    public static FormSubmission validate(FormValidator validator, FormDefinition form, HttpServletRequest request) {
        return validate(validator, form, request, null);
    }

    public static FormSubmission validate(FormValidator validator, FormDefinition form, HttpServletRequest request,
                                          String businessKey) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        request.getParameterMap().forEach((key, values) -> params.put(key, Arrays.asList(values)));
        MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        MultiValueMap<String, MultipartFile> files = multipart != null ? multipart.getMultiFileMap()
                : new LinkedMultiValueMap<>();
        return validator.validate(form, params, files, businessKey);
    }
}
