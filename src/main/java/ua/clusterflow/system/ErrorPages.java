package ua.clusterflow.system;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/** Errors a person can understand; never a stack trace. */
@ControllerAdvice
public class ErrorPages {

    @ExceptionHandler(SignedLinks.InvalidLinkException.class)
    public String invalidLink(SignedLinks.InvalidLinkException e, HttpServletResponse response, Model model) {
        response.setStatus(e.problem() == SignedLinks.Problem.EXPIRED ? HttpStatus.GONE.value()
                : HttpStatus.FORBIDDEN.value());
        model.addAttribute("problem", e.problem().name().toLowerCase());
        return "link-invalid";
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    public String tooLarge(HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        model.addAttribute("status", 413);
        model.addAttribute("messageKey", "error.upload.tooLarge");
        return "error";
    }
}
