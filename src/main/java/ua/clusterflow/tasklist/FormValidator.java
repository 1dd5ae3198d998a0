package ua.clusterflow.tasklist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.multipart.MultipartFile;
import ua.clusterflow.cluster.ClusterDirectory;
import ua.clusterflow.cluster.Countries;
import ua.clusterflow.cluster.Edrpou;

/** Checks a submitted form on the server against its definition and converts what was typed. */
@Component
public class FormValidator {

    private final Predicate<String> personExists;
    private final List<FormRule> rules;

    public FormValidator(ClusterDirectory directory) {
        this(directory, List.of());
    }

    /** Checks a field marked {@code check: person} against the people the app knows, and each form's own rules. */
    @Autowired
    public FormValidator(ClusterDirectory directory, List<FormRule> rules) {
        this.personExists = directory == null ? id -> true : directory::personExists;
        this.rules = rules;
    }

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final int DEFAULT_MAX_FILE_MB = 20;

    public FormSubmission validate(FormDefinition form, Map<String, List<String>> params,
                                   MultiValueMap<String, MultipartFile> files) {
        return validate(form, params, files, null);
    }

    /** Checks a task's form, with the rules that compare its values with the case they belong to. */
    public FormSubmission validate(FormDefinition form, Map<String, List<String>> params,
                                   MultiValueMap<String, MultipartFile> files, String businessKey) {
        FormSubmission submission = new FormSubmission();
        for (FormField field : form.fields()) {
            if (field.isStatic()) {
                continue;
            }
            if (field.isFile()) {
                checkFile(field, files == null ? null : files.getFirst(field.key()), submission);
                continue;
            }
            List<String> typed = params.getOrDefault(field.key(), List.of()).stream()
                    .map(v -> v == null ? "" : v.trim()).filter(v -> !v.isEmpty()).toList();
            submission.putRaw(field.key(), typed);
            convert(field, typed, submission);
        }
        for (FormField field : form.fields()) {
            checkRequiredWhen(field, submission);
        }
        rules.stream().filter(rule -> rule.formId().equals(form.id()))
                .forEach(rule -> rule.check(submission, businessKey));
        return submission;
    }

    private void convert(FormField field, List<String> typed, FormSubmission submission) {
        String key = field.key();
        if ("checkbox".equals(field.type())) {
            boolean checked = typed.contains("true") || typed.contains("on");
            if (field.required() && !checked) {
                submission.reject(key, "error.required");
            }
            submission.putValue(key, checked);
            return;
        }
        if (typed.isEmpty()) {
            if (field.required()) {
                submission.reject(key, "error.required");
            }
            // a field left empty is sent as empty: a value typed at an earlier step (another voter's comment, the
            // first round's fifth expert) must not live on in the case as if it were this person's answer
            submission.putValue(key, null);
            return;
        }
        if (field.isMulti()) {
            for (String value : typed) {
                if (field.options().stream().noneMatch(o -> o.value().equals(value))) {
                    submission.reject(key, "error.option");
                }
            }
            submission.putValue(key, String.join(",", typed));
            return;
        }
        String value = typed.get(0);
        switch (field.type()) {
            case "number" -> convertNumber(field, value, submission);
            case "datetime" -> convertDate(field, value, submission);
            case "select", "radio" -> {
                if (field.options().stream().noneMatch(o -> o.value().equals(value))) {
                    submission.reject(key, "error.option");
                } else {
                    submission.putValue(key, value);
                }
            }
            default -> convertText(field, value, submission);
        }
    }

    private void convertText(FormField field, String typed, FormSubmission submission) {
        String key = field.key();
        String value = "edrpou".equals(field.property("check")) ? Edrpou.normalise(typed) : typed;
        if (field.minLength() != null && value.length() < field.minLength()) {
            submission.reject(key, "error.minLength", field.minLength());
        }
        if (field.maxLength() != null && value.length() > field.maxLength()) {
            submission.reject(key, "error.maxLength", field.maxLength());
        }
        if (field.pattern() != null && !value.matches(field.pattern())) {
            submission.reject(key, "error.pattern");
        }
        String check = field.property("check");
        if ("edrpou".equals(check) && !Edrpou.isValid(value)) {
            submission.reject(key, "error.edrpou");
        }
        if ("country".equals(check) && !Countries.known(value)) {
            submission.reject(key, "grant.error.country");
        }
        if ("person".equals(check) && !personExists.test(value)) {
            submission.reject(key, "error.person");
        }
        if ("email".equals(check) && !EMAIL.matcher(value).matches()) {
            submission.reject(key, "error.email");
        }
        if ("url".equals(check) && !webAddress(value)) {
            submission.reject(key, "error.url");
        }
        submission.putValue(key, value);
    }

    /** An address a browser opens as a page: http or https, with a host; no script, file or data address. */
    static boolean webAddress(String value) {
        try {
            URI uri = new URI(value);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private void convertNumber(FormField field, String value, FormSubmission submission) {
        String key = field.key();
        BigDecimal number;
        try {
            number = new BigDecimal(value.replace(',', '.').replace(" ", ""));
        } catch (NumberFormatException e) {
            submission.reject(key, "error.number");
            return;
        }
        if (field.integer() && number.stripTrailingZeros().scale() > 0) {
            submission.reject(key, "error.integer");
            return;
        }
        if (field.min() != null && number.doubleValue() < field.min()) {
            submission.reject(key, "error.min", field.min().longValue());
        }
        if (field.max() != null && number.doubleValue() > field.max()) {
            submission.reject(key, "error.max", field.max().longValue());
        }
        submission.putValue(key, field.integer() ? (Object) number.longValue() : (Object) number.doubleValue());
    }

    private void convertDate(FormField field, String value, FormSubmission submission) {
        try {
            submission.putValue(field.key(), LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            submission.reject(field.key(), "error.date");
        }
    }

    private void checkFile(FormField field, MultipartFile file, FormSubmission submission) {
        String key = field.key();
        if (file == null || file.isEmpty()) {
            if (field.required()) {
                submission.reject(key, "error.required");
            }
            return;
        }
        int maxMb = field.property("maxSizeMb") == null ? DEFAULT_MAX_FILE_MB : Integer.parseInt(field.property("maxSizeMb"));
        List<String> allowed = allowedExtensions(field);
        if (file.getSize() > maxMb * 1024L * 1024L) {
            submission.reject(key, "error.file.size", maxMb);
            return;
        }
        byte[] content;
        try {
            content = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = FileTypes.safeName(file.getOriginalFilename());
        String problem = FileTypes.problem(name, content, allowed, maxMb * 1024L * 1024L);
        if (problem != null) {
            submission.reject(key, problem, "error.file.size".equals(problem) ? (Object) maxMb
                    : String.join(", ", allowed).toUpperCase());
            return;
        }
        String actual = FileTypes.detect(content);
        submission.putUpload(key, new FormSubmission.Upload(name, FileTypes.contentType(actual), content));
    }

    private static List<String> allowedExtensions(FormField field) {
        String accept = field.accept() == null || field.accept().isBlank() ? ".pdf" : field.accept();
        return Arrays.stream(accept.split(",")).map(s -> s.trim().replace(".", "").toLowerCase()).toList();
    }

    /** {@code requiredWhen: decision=moreInfo|reject}: the field must be filled for those answers. */
    private void checkRequiredWhen(FormField field, FormSubmission submission) {
        String rule = field.property("requiredWhen");
        if (rule == null || !rule.contains("=")) {
            return;
        }
        String other = rule.substring(0, rule.indexOf('='));
        List<String> answers = List.of(rule.substring(rule.indexOf('=') + 1).split("\\|"));
        Object answer = submission.values().get(other);
        boolean empty = field.isFile() ? !submission.uploads().containsKey(field.key())
                : submission.values().get(field.key()) == null;
        if (answer != null && (answers.contains("*") || answers.contains(answer.toString())) && empty) {
            submission.reject(field.key(), "error.requiredWhen");
        }
    }
}
