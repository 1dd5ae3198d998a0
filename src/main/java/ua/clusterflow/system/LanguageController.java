package ua.clusterflow.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

@Controller
public class LanguageController {

    private final LocaleResolver localeResolver;

    public LanguageController(LocaleResolver localeResolver) {
        this.localeResolver = localeResolver;
    }

    @GetMapping("/lang")
    public String switchLanguage(@RequestParam String to, @RequestParam(defaultValue = "/") String back,
                                 HttpServletRequest request, HttpServletResponse response) {
        Locale locale = "en".equals(to) ? Locale.ENGLISH : WebConfig.UKRAINIAN;
        localeResolver.setLocale(request, response, locale);
        boolean local = back.startsWith("/") && !back.startsWith("//") && !back.contains("\\");
        return "redirect:" + (local ? back : "/");
    }
}
