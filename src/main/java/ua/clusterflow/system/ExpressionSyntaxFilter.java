package ua.clusterflow.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses requests to the engine's REST API and the operators' webapps that carry expression syntax ({@code ${} or
 * {@code #{}) anywhere: in the path, a parameter or the body, also when escaped in JSON or percent-encoded. The
 * engine evaluates expressions in some query parameters (a known expression injection through task queries in the
 * community edition); no operator request needs one, since the models are deployed with the application.
 */
public class ExpressionSyntaxFilter extends OncePerRequestFilter {

    /** Bodies above this size are refused outright: the engine's API takes no such request from operators. */
    static final int MAX_BODY = 10 * 1024 * 1024;
    static final String EXPRESSION_REFUSED = "Expressions (${...} or #{...}) are not accepted in requests to the engine.";
    private static final Logger log = LoggerFactory.getLogger(ExpressionSyntaxFilter.class);
    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\s*\\{");
    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase();
        if (contentType.startsWith("application/x-www-form-urlencoded")) {
            // the container parses the form; the parameters are checked below, the body is left to it
            boolean found = request.getParameterMap().entrySet().stream().anyMatch(e -> carriesExpression(e.getKey())
                    || java.util.Arrays.stream(e.getValue()).anyMatch(ExpressionSyntaxFilter::carriesExpression));
            if (found || carriesExpression(request.getRequestURI())) {
                refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, EXPRESSION_REFUSED);
            } else {
                chain.doFilter(request, response);
            }
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            refuse(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "The request is too large.");
            return;
        }
        String query = request.getQueryString() == null ? "" : request.getQueryString();
        if (carriesExpression(request.getRequestURI()) || carriesExpression(query)
                || carriesExpression(new String(body, StandardCharsets.UTF_8))) {
            refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, EXPRESSION_REFUSED);
            return;
        }
        chain.doFilter(body.length == 0 ? request : new CachedBody(request, body), response);
    }

    /** Looks for the syntax in the text as sent, percent-decoded (twice, for double encoding) and JSON-unescaped. */
    static boolean carriesExpression(String text) {
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

    private static String unescape(String text) {
        Matcher m = UNICODE_ESCAPE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        }
        return m.appendTail(out).toString();
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws IOException {
        log.warn("Refused {} {} from {}: {}", request.getMethod(), request.getRequestURI(), request.getRemoteAddr(),
                message);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(
                Map.of("type", "InvalidRequestException", "message", message)));
    }

    /** The request with its body read once and served again to the engine. */
    private static final class CachedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                /** The whole body is in memory already: a reader is told so at once, and that it is all read. */
                @Override
                public void setReadListener(ReadListener listener) {
                    try {
                        listener.onDataAvailable();
                        listener.onAllDataRead();
                    } catch (IOException e) {
                        listener.onError(e);
                    }
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
