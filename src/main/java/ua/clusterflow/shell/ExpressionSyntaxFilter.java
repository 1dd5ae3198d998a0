package ua.clusterflow.shell;

import static ua.clusterflow.engine.ExpressionSyntax.carriesExpression;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import ua.clusterflow.engine.DeploymentGuard;
import ua.clusterflow.engine.ExpressionSyntax;

/**
 * Keeps code away from the engine's REST API and the operators' webapps. Deployments are closed unless
 * {@code clusterflow.engine.deployments-enabled} opens them ({@link DeploymentGuard} checks what the engine is given
 * either way): a request that would create, redeploy or delete one is refused with 403. Every other request is
 * refused with 400 when it carries expression syntax ({@code ${} or {@code #{}) anywhere: in the path, a parameter or
 * the body, however it is written (percent-encoded, JSON-escaped, as XML character references) and in whichever
 * encoding the engine might read the body (UTF-8, UTF-16 or UTF-32, with or without a byte order mark). Compressed
 * bodies are refused (415), since what they carry cannot be read here. The engine evaluates expressions in some query
 * parameters (a known expression injection through task queries in the community edition); no operator request
 * needs one, since the models are deployed with the application.
 */
public class ExpressionSyntaxFilter extends OncePerRequestFilter {

    /** Bodies above this size are refused outright: the engine's API takes no such request from operators. */
    static final int MAX_BODY = 10 * 1024 * 1024;
    static final String EXPRESSION_REFUSED = "Expressions (${...} or #{...}) are not accepted in requests to the engine.";
    static final String DEPLOYMENTS_CLOSED = "Deployments are closed: the engine runs the models shipped with "
            + "ClusterFlow (clusterflow.engine.deployments-enabled).";
    private static final Logger log = LoggerFactory.getLogger(ExpressionSyntaxFilter.class);

    private final boolean deploymentsEnabled;

    public ExpressionSyntaxFilter(boolean deploymentsEnabled) {
        this.deploymentsEnabled = deploymentsEnabled;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!deploymentsEnabled && changesDeployments(request)) {
            refuse(request, response, HttpServletResponse.SC_FORBIDDEN, DEPLOYMENTS_CLOSED);
            return;
        }
        String encoding = request.getHeader("Content-Encoding");
        if (encoding != null && !encoding.isBlank() && !"identity".equalsIgnoreCase(encoding.trim())) {
            refuse(request, response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "Compressed requests are not accepted.");
            return;
        }
        String contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase();
        if (contentType.startsWith("application/x-www-form-urlencoded")) {
            // the container parses the form; the parameters are checked below, the body is left to it
            boolean found = request.getParameterMap().entrySet().stream().anyMatch(e -> carriesExpression(e.getKey())
                    || Arrays.stream(e.getValue()).anyMatch(ExpressionSyntax::carriesExpression));
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
        if (carriesExpression(request.getRequestURI()) || carriesExpression(query) || carriesExpression(body)) {
            refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, EXPRESSION_REFUSED);
            return;
        }
        chain.doFilter(body.length == 0 ? request : new CachedBody(request, body), response);
    }

    /**
     * A request that would create, redeploy or remove a deployment: anything but reading under a {@code deployment}
     * path of the REST API ({@code /engine-rest/deployment/...}, {@code /engine-rest/engine/NAME/deployment/...}) or of
     * the webapps' own copy of it ({@code /camunda/api/engine/engine/NAME/deployment/...}), read after decoding.
     */
    static boolean changesDeployments(HttpServletRequest request) {
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
            return false;
        }
        String path = request.getRequestURI();
        for (int round = 0; round < 3; round++) {
            try {
                path = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notEncoded) {
                return true;
            }
        }
        return path.toLowerCase(Locale.ROOT).contains("deployment");
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws IOException {
        log.warn("Refused {} {} from {}: {}", request.getMethod(), request.getRequestURI(), request.getRemoteAddr(),
                message);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(new ObjectMapper().writeValueAsString(
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
