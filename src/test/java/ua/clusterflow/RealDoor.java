package ua.clusterflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.cookie.BasicCookieStore;
import org.apache.hc.client5.http.cookie.Cookie;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * One client of the application listening on its real port, as a person's browser is: its requests leave from a
 * loopback address of its own (127.0.0.2, 127.0.0.3, ... all reach the server on Linux), it keeps its cookies, and a
 * form it posts carries the CSRF token of the last page it read. What the server counts per client address, and what
 * the real filter chain does with a request, is proven through it, never through MockMvc.
 */
public final class RealDoor implements AutoCloseable {

    /** What came back: the status, the body and the headers. */
    public record Answer(int status, String body, Map<String, String> headers) {
        public String location() {
            return headers.getOrDefault("location", "");
        }
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final String address;
    private final BasicCookieStore cookies = new BasicCookieStore();
    private final CloseableHttpClient client;
    private String csrf;

    private RealDoor(int port, String address) {
        this.base = "http://127.0.0.1:" + port;
        this.address = address;
        InetAddress local;
        try {
            local = InetAddress.getByName(address);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.client = HttpClients.custom().disableRedirectHandling().disableAutomaticRetries()
                .setDefaultCookieStore(cookies)
                .setRoutePlanner(new DefaultRoutePlanner(null) {
                    @Override
                    protected InetAddress determineLocalAddress(HttpHost firstHop, HttpContext context) {
                        return local;
                    }
                }).build();
    }

    /** A client whose requests come from this loopback address. */
    public static RealDoor from(int port, String address) {
        return new RealDoor(port, address);
    }

    public String address() {
        return address;
    }

    public Answer get(String path, String... headers) {
        return send(new HttpGet(base + path), headers);
    }

    /** Posts a form with the CSRF token of the last page read (reading the login page first when none was). */
    public Answer post(String path, Map<String, String> fields, String... headers) {
        if (csrf == null) {
            get("/login");
        }
        List<NameValuePair> pairs = new ArrayList<>();
        fields.forEach((name, value) -> pairs.add(new BasicNameValuePair(name, value)));
        pairs.add(new BasicNameValuePair("_csrf", csrf));
        HttpPost post = new HttpPost(base + path);
        post.setEntity(new UrlEncodedFormEntity(pairs, StandardCharsets.UTF_8));
        return send(post, headers);
    }

    /** Posts a form's body exactly as given, without the CSRF token, as a page of another site would. */
    public Answer postRaw(String path, String urlEncodedBody) {
        HttpPost post = new HttpPost(base + path);
        post.setEntity(new StringEntity(urlEncodedBody,
                ContentType.APPLICATION_FORM_URLENCODED));
        return send(post);
    }

    /** Posts a form with a file, as a browser sends one (multipart), with the CSRF token of the last page read. */
    public Answer postWithFile(String path, Map<String, String> fields, String fileField, String fileName,
                               byte[] content) {
        MultipartEntityBuilder body = MultipartEntityBuilder.create().setCharset(StandardCharsets.UTF_8);
        fields.forEach((name, value) -> body.addTextBody(name, value, ContentType.TEXT_PLAIN.withCharset(
                StandardCharsets.UTF_8)));
        body.addTextBody("_csrf", csrf == null ? "" : csrf);
        if (fileField != null) {
            body.addBinaryBody(fileField, content, ContentType.APPLICATION_OCTET_STREAM, fileName);
        }
        HttpPost post = new HttpPost(base + path);
        post.setEntity(body.build());
        return send(post);
    }

    /** Signs in through the login form; the answer is the form's redirect. */
    public Answer signIn(String user, String password) {
        get("/login");
        return post("/login", Map.of("username", user, "password", password));
    }

    public void setCookie(Cookie cookie) {
        cookies.addCookie(cookie);
    }

    public List<Cookie> cookies() {
        return cookies.getCookies();
    }

    private Answer send(HttpUriRequestBase request, String... headers) {
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.addHeader(headers[i], headers[i + 1]);
        }
        if (!request.containsHeader("Accept")) {
            // as a browser asks for a page
            request.addHeader("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        }
        try {
            return client.execute(request, response -> {
                String body = response.getEntity() == null ? ""
                        : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
                Map<String, String> named = new LinkedHashMap<>();
                for (Header header : response.getHeaders()) {
                    named.putIfAbsent(header.getName().toLowerCase(Locale.ROOT), header.getValue());
                }
                Matcher token = CSRF.matcher(body);
                if (token.find()) {
                    csrf = token.group(1);
                }
                return new Answer(response.getCode(), body, named);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
