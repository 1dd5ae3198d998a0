package ua.clusterflow.engine;

import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a text or a body carries expression syntax ({@code ${} or {@code #{}) the engine would evaluate, however it
 * is written: percent-encoded, JSON-escaped, as XML character references, in any encoding a parser detects by itself.
 * Read by the filter in front of the engine's API and by the guard on what the engine deploys.
 */
public final class ExpressionSyntax {

    private static final List<Charset> READINGS = List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16BE,
            StandardCharsets.UTF_16LE, Charset.forName("UTF-32BE"), Charset.forName("UTF-32LE"));
    private static final Pattern CHARACTER_REFERENCE = Pattern.compile("&#(x[0-9a-fA-F]{1,6}|[0-9]{1,7});?");
    private static final Map<String, String> NAMED_REFERENCES = Map.of("&dollar;", "$", "&num;", "#",
            "&lbrace;", "{", "&lcub;", "{");
    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\s*\\{");
    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");

    private ExpressionSyntax() {
    }

    /** Looks for the syntax in a body read in each encoding the engine's parsers might take it in. */
    public static boolean carriesExpression(byte[] body) {
        return readings(body).stream().anyMatch(ExpressionSyntax::carriesExpression);
    }

    /** The body as text in every encoding a JSON or XML parser detects by itself, byte order marks dropped. */
    public static List<String> readings(byte[] body) {
        List<String> texts = new ArrayList<>();
        for (Charset charset : READINGS) {
            texts.add(new String(body, charset).replace("\uFEFF", "").replace("\u0000", ""));
        }
        return texts;
    }

    /** Looks for the syntax in the text as sent, percent-decoded (twice, for double encoding) and JSON-unescaped. */
    public static boolean carriesExpression(String text) {
        String decoded = text;
        for (int round = 0; round < 3; round++) {
            if (EXPRESSION.matcher(unescape(decoded)).find()) {
                return true;
            }
            try {
                decoded = URLDecoder.decode(decoded.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notEncoded) {
                return false;
            }
        }
        return false;
    }

    /** JSON's backslash escapes, XML's character references and the entities that name the syntax's characters. */
    private static String unescape(String text) {
        String unescaped = unescapeJson(text);
        Matcher references = CHARACTER_REFERENCE.matcher(unescaped);
        StringBuilder out = new StringBuilder();
        while (references.find()) {
            String number = references.group(1);
            int code = number.startsWith("x") ? Integer.parseInt(number.substring(1), 16) : Integer.parseInt(number);
            references.appendReplacement(out, Matcher.quoteReplacement(
                    Character.isValidCodePoint(code) ? new String(Character.toChars(code)) : ""));
        }
        unescaped = references.appendTail(out).toString();
        for (Map.Entry<String, String> entity : NAMED_REFERENCES.entrySet()) {
            unescaped = unescaped.replaceAll("(?i)" + Pattern.quote(entity.getKey()), entity.getValue());
        }
        // a CDATA section's end and start between the two characters, as XML allows
        return unescaped.replace("]]><![CDATA[", "");
    }

    private static String unescapeJson(String text) {
        Matcher m = UNICODE_ESCAPE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        }
        return m.appendTail(out).toString();
    }
}
