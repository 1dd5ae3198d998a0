package ua.clusterflow.cluster.web;

import org.springframework.ui.Model;
import ua.clusterflow.base.FieldErrors;

/** The one form where a person chooses a password (from an invitation or a reset link), and its rules. */
final class PasswordForm {

    static final int MIN_PASSWORD = 10;
    static final int MAX_PASSWORD = 200;

    private PasswordForm() {
    }

    /** The message key of what is wrong, by the field it belongs to, or null. */
    static String problem(String password, String repeat) {
        if (password.length() < MIN_PASSWORD) {
            return "invitation.password.short";
        }
        if (password.length() > MAX_PASSWORD) {
            return "invitation.password.long";
        }
        return password.equals(repeat) ? null : "invitation.password.mismatch";
    }

    static String show(Model model, String userId, String action, String error) {
        model.addAttribute("userId", userId);
        model.addAttribute("action", action);
        FieldErrors errors = new FieldErrors();
        if (error != null) {
            errors.reject("invitation.password.mismatch".equals(error) ? "repeat" : "password", error);
        }
        model.addAttribute("errors", errors);
        return "cluster/invitation";
    }
}
