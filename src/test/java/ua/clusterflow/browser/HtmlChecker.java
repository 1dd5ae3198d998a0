package ua.clusterflow.browser;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * The Nu HTML checker (the validator behind validator.w3.org/nu), run on a page as the browser shows it. The checker
 * and what it runs on are copied by Maven into {@code target/html-checker} and loaded in a class loader of their own:
 * it needs Jetty 11 where the application's Spring Boot manages Jetty 12.
 */
final class HtmlChecker {

    private static final Path JARS = Path.of("target", "html-checker");
    private static final String SCHEMA = "http://s.validator.nu/html5-all.rnc";
    private static HtmlChecker instance;

    private final ClassLoader loader;
    private final Object validator;
    private final Method check;
    private final List<String> errors = new ArrayList<>();

    private HtmlChecker() throws ReflectiveOperationException, IOException {
        URL[] jars;
        try (Stream<Path> files = Files.list(JARS)) {
            jars = files.filter(f -> f.toString().endsWith(".jar")).map(HtmlChecker::url).toArray(URL[]::new);
        }
        if (jars.length == 0) {
            throw new IllegalStateException("No HTML checker in " + JARS + ": run the tests through Maven");
        }
        loader = new URLClassLoader(jars, ClassLoader.getPlatformClassLoader());
        ErrorHandler handler = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                errors.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                error(e);
            }
        };
        Class<?> type = loader.loadClass("nu.validator.validation.SimpleDocumentValidator");
        validator = inLoader(() -> type.getConstructor(boolean.class, boolean.class, boolean.class)
                .newInstance(true, false, false));
        inLoader(() -> type.getMethod("setUpMainSchema", String.class, ErrorHandler.class)
                .invoke(validator, SCHEMA, handler));
        inLoader(() -> type.getMethod("setUpValidatorAndParsers", ErrorHandler.class, boolean.class, boolean.class)
                .invoke(validator, handler, true, false));
        check = type.getMethod("checkHtmlInputSource", InputSource.class);
    }

    /** The checker's errors on one page (its warnings are left out); empty when the page is valid. */
    static synchronized List<String> errors(String html) {
        try {
            if (instance == null) {
                instance = new HtmlChecker();
            }
            return instance.check(html);
        } catch (ReflectiveOperationException | IOException e) {
            throw new IllegalStateException("The HTML checker did not start", e);
        }
    }

    private List<String> check(String html) throws ReflectiveOperationException {
        errors.clear();
        InputSource source = new InputSource(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        source.setEncoding("UTF-8");
        inLoader(() -> check.invoke(validator, source));
        return List.copyOf(errors);
    }

    private interface Call {
        Object run() throws ReflectiveOperationException;
    }

    private Object inLoader(Call call) throws ReflectiveOperationException {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return call.run();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("The HTML checker failed: " + e.getCause(), e.getCause());
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    private static URL url(Path file) {
        try {
            return file.toUri().toURL();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
