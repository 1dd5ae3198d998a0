package ua.clusterflow.browser;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.context.MessageSource;

/** Headless Chromium driven through Selenium, with the few moves a person makes and screenshots of each page. */
public class Browser implements AutoCloseable {

    private static final String CHROMIUM = System.getProperty("chromium.binary", "/usr/bin/chromium");
    private static final String DRIVER = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final String baseUrl;
    private final Path screenshots;
    private int shot;
    private String language;
    private final List<String> invalid = new ArrayList<>();
    private final Set<Integer> checked = new HashSet<>();

    /**
     * A journey walked in one of the two languages: in Ukrainian on a desktop's screen, in English at a phone's width
     * (so that each journey is seen both ways); screenshots go to {@code target/screenshots/<folder>/<language>/}.
     */
    public static Browser walking(int port, String screenshotFolder, String language) throws IOException {
        Browser browser = new Browser("http://localhost:" + port, screenshotFolder + "/" + language);
        browser.language = language;
        browser.open("/login");
        browser.keepLanguage();
        if ("en".equals(language)) {
            browser.phoneSize();
        }
        return browser;
    }

    public Browser(String baseUrl, String screenshotFolder) throws IOException {
        if (!new File(CHROMIUM).canExecute() || !new File(DRIVER).canExecute()) {
            throw new IllegalStateException("Browser tests need Chromium and its driver: "
                    + "apt-get install -y chromium chromium-driver");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--lang=uk", "--window-size=1280,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        this.baseUrl = baseUrl;
        this.screenshots = Path.of("target", "screenshots", screenshotFolder);
        Files.createDirectories(screenshots);
    }

    public void open(String path) {
        driver.get(path.startsWith("http") ? path : baseUrl + path);
        checkHtml("open");
    }

    public WebElement find(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** How much wider than the window the page is, in CSS pixels: 0 when nothing overflows. */
    public long overflow() {
        return ((Number) driver.executeScript(
                "return Math.max(0, document.documentElement.scrollWidth - window.innerWidth);")).longValue();
    }

    /** Every element found now, none waited for. */
    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    public void type(String name, String text) {
        WebElement field = find(By.name(name));
        field.clear();
        field.sendKeys(text);
    }

    public void select(String name, String value) {
        new org.openqa.selenium.support.ui.Select(find(By.name(name))).selectByValue(value);
    }

    public void check(String name, String value) {
        WebElement box = find(By.cssSelector("input[name='" + name + "'][value='" + value + "']"));
        if (!box.isSelected()) {
            box.click();
        }
    }

    /** Sets a date field the way a date picker would. */
    public void date(String name, String isoDate) {
        driver.executeScript("arguments[0].value = arguments[1];", find(By.name(name)), isoDate);
    }

    /** Chooses a file for a file field, as a person picking it from their disk. */
    public void attach(String name, Path file) {
        driver.findElement(By.name(name)).sendKeys(file.toAbsolutePath().toString());
    }

    /** Downloads what a link points to with the browser's session, as the browser would. */
    public byte[] download(String href) throws IOException, InterruptedException {
        String cookies = driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(href.startsWith("http") ? href : baseUrl + href))
                        .header("Cookie", cookies).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("Download of " + href + " answered " + response.statusCode());
        }
        return response.body();
    }

    /** Opens the case's open task from the task list, found by the case's reference as a person would search it. */
    public void openTask(String businessKey) {
        open("/tasks?q=" + businessKey);
        click(By.cssSelector("tr[data-case='" + businessKey + "'] a.task-link"));
        find(By.id("task-form"));
    }

    public void logout() {
        driver.manage().deleteAllCookies();
        keepLanguage();
    }

    /** The language the pages are read in, chosen as a person does with the switch and kept across sign-ins. */
    private void keepLanguage() {
        if (language == null) {
            return;
        }
        driver.manage().addCookie(new org.openqa.selenium.Cookie("clusterflow-lang", language));
    }

    public Locale locale() {
        return Locale.forLanguageTag(language == null ? "uk" : language);
    }

    /** A text of the application's messages in the language of these pages. */
    public String message(MessageSource messages, String key, Object... args) {
        return messages.getMessage(key, args, locale());
    }

    /** Clicks; a form's submit button is followed until the next page has replaced this one. */
    public void click(By by) {
        WebElement element = new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.elementToBeClickable(by));
        boolean submits = "submit".equals(element.getAttribute("type"));
        WebElement page = driver.findElement(By.tagName("html"));
        element.click();
        if (submits) {
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> gone(page));
            checkHtml("submit");
        }
    }

    /** Whether a page's element has left the document, as it does when the next page arrives. */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            // Chromium answers so for a node of a document that is being replaced
            return e.getMessage() != null && e.getMessage().contains("does not belong to the document");
        }
    }

    public String text(By by) {
        return find(by).getText();
    }

    public String pageSource() {
        return driver.getPageSource();
    }

    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    public void login(String user, String password) {
        logout();
        signIn(user, password);
    }

    public boolean hasCookie(String name) {
        return driver.manage().getCookieNamed(name) != null;
    }

    /** Ends the session alone, keeping the browser's other cookies (its device cookie among them). */
    public void endSession() {
        driver.manage().deleteCookieNamed("clusterflow-session");
    }

    /** Signs in with the cookies the browser holds. */
    public void signIn(String user, String password) {
        open("/login");
        type("username", user);
        type("password", password);
        click(By.id("login-submit"));
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    public void phoneSize() {
        driver.manage().window().setSize(new Dimension(390, 844));
    }

    public void driverWindow(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    public void desktopSize() {
        driver.manage().window().setSize(new Dimension(1280, 1000));
    }

    /** Back to the size this journey is walked at. */
    public void usualSize() {
        if ("en".equals(language)) {
            phoneSize();
        } else {
            desktopSize();
        }
    }

    public Path screenshot(String name) throws IOException {
        File file = driver.getScreenshotAs(OutputType.FILE);
        Path target = screenshots.resolve(String.format("%02d-%s.png", ++shot, name));
        Files.copy(file.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        checkHtml(name);
        return target;
    }

    /**
     * Runs the Nu HTML checker on the page as the browser holds it now (after its scripts ran), keeping its errors for
     * {@link #close}; a page met before in the same state is not checked again.
     */
    private void checkHtml(String name) {
        Object source = driver.executeScript("return document.contentType === 'text/html' "
                + "? document.documentElement.outerHTML : null;");
        if (source == null || !checked.add(source.hashCode())) {
            return;
        }
        for (String error : HtmlChecker.errors("<!DOCTYPE html>\n" + source)) {
            invalid.add(name + " (" + driver.getCurrentUrl() + "): " + error);
        }
    }

    /** Ends the browser; fails when a page it took a screenshot of did not pass the HTML checker. */
    @Override
    public void close() {
        driver.quit();
        if (!invalid.isEmpty()) {
            throw new AssertionError("Pages with HTML errors:\n" + String.join("\n", invalid));
        }
    }
}
