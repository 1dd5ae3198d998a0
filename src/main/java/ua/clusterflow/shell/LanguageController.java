package ua.clusterflow.shell;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.view.RedirectView;

@Controller
public class LanguageController {

    /** A path with its query: no white space, control characters or backslashes. */
    private static final Pattern LOCAL_PATH =
            Pattern.compile("/[^\\s\\p{Cntrl}\\\\]{0,2000}");

    private final LocaleResolver localeResolver;

    public LanguageController(LocaleResolver localeResolver) {
        this.localeResolver = localeResolver;
    }

    @GetMapping("/lang")
    public RedirectView switchLanguage(@RequestParam String to, @RequestParam(defaultValue = "/") String back,
                                       HttpServletRequest request, HttpServletResponse response) {
        if (!LOCAL_PATH.matcher(back).matches()) {
            // not a path of this app as a browser sends one (a line break, a space, a foreign address)
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        Locale locale = "en".equals(to) ? Locale.ENGLISH : WebConfig.UKRAINIAN;
        localeResolver.setLocale(request, response, locale);
        boolean local = !back.startsWith("//") && !back.contains("\\");
        // the address the person came from is used as it is: never as a view name, never as a template to expand
        RedirectView view = new RedirectView(local ? back : "/", true);
        view.setExpandUriTemplateVariables(false);
        view.setExposeModelAttributes(false);
        return view;
    }
}
