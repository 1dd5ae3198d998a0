package ua.clusterflow.shell;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.web.servlet.LocaleResolver;

@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    /**
     * The operators' doors: Camunda's webapps and REST API, for administrators only. With
     * {@code clusterflow.engine.rest-open-to-people} the REST API also serves every signed-in person inside their own
     * clusters, as a plain Camunda installation grants it to its users; only the throughput benchmark's peer sets it.
     */
    @Bean
    @Order(1)
    SecurityFilterChain operatorChain(HttpSecurity http, IdentityService identity, IdentityAuthenticationProvider people,
                                      @Value("${clusterflow.engine.deployments-enabled:false}") boolean deployments,
                                      @Value("${clusterflow.engine.rest-open-to-people:false}") boolean restOpen)
            throws Exception {
        // Camunda's REST API and webapps are servlets of their own: match them by path, not through Spring MVC
        PathPatternRequestMatcher restApi = PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**");
        http.securityMatcher(new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/camunda/**"), restApi))
                .authorizeHttpRequests(auth -> {
                    if (restOpen) {
                        // the engine's tenant check keeps each person's queries and commands inside their clusters
                        auth.requestMatchers(restApi).authenticated();
                    }
                    auth.anyRequest().hasRole("ADMIN");
                })
                .httpBasic(basic -> basic.authenticationDetailsSource(LoginDetails.SOURCE))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(
                        (request, response, ex) -> response.sendRedirect(request.getContextPath() + "/login"),
                        request -> request.getRequestURI().startsWith(request.getContextPath() + "/camunda")))
                // the Camunda webapps carry their own CSRF protection and security headers
                // JSON to the engine's REST API cannot be sent from another site without a CORS preflight, which
                // is not granted: scripts calling it need no CSRF token; forms and uploads to it still do
                .csrf(csrf -> csrf.ignoringRequestMatchers(PathPatternRequestMatcher.withDefaults().matcher("/camunda/**"),
                        SecurityConfig::jsonToEngineRest))
                .headers(headers -> headers.disable())
                .addFilterBefore(new ExpressionSyntaxFilter(deployments), CsrfFilter.class)
                .addFilterBefore(new CurrentAccessFilter(people), AuthorizationFilter.class)
                .addFilterAfter(new EngineAuthenticationFilter(identity), AuthorizationFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain appChain(HttpSecurity http, IdentityService identity, IdentityAuthenticationProvider people,
                                 LoginThrottle throttle) throws Exception {
        LoginUrlAuthenticationEntryPoint loginPage = new LoginUrlAuthenticationEntryPoint("/login");
        // relative redirects: never an address built from the request's Host header
        loginPage.setFavorRelativeUris(true);
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/", "/login", "/password-reset/**", "/apply/**", "/track/**", "/invitation/**", "/review/**", "/expert/**", "/meetups/registrations/**",
                                "/meetups/MEE-*", "/meetups/MEE-*/register", "/meetups/MEE-*/report.pdf", "/lang",
                                "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
                                "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness", "/error").permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").authenticationDetailsSource(LoginDetails.SOURCE)
                        .successHandler(new LocalSuccessRedirect(throttle)).permitAll()
                        .failureHandler(SecurityConfig::loginFailed))
                .exceptionHandling(e -> e.authenticationEntryPoint(loginPage))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                                        + "img-src 'self' data:; font-src 'self' data:; frame-ancestors 'none'; "
                                        + "form-action 'self'; base-uri 'self'; object-src 'none'"))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(ref -> ref.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .addFilterBefore(new CurrentAccessFilter(people), AuthorizationFilter.class)
                .addFilterAfter(new EngineAuthenticationFilter(identity), AuthorizationFilter.class);
        return http.build();
    }

    /** Before everything else, so that no handler, redirect or log line sees control characters. */
    @Bean
    FilterRegistrationBean<RequestHygieneFilter> requestHygiene() {
        FilterRegistrationBean<RequestHygieneFilter> registration = new FilterRegistrationBean<>(new RequestHygieneFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /**
     * Right after the hygiene filter and before Spring Session's (at {@code Integer.MIN_VALUE + 50}), so that a database
     * out of reach while the session is read or saved still gets the page that asks to send the form again.
     */
    @Bean
    FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailable(org.thymeleaf.ITemplateEngine templates,
                                                                          LocaleResolver locales) {
        FilterRegistrationBean<DatabaseUnavailableFilter> registration =
                new FilterRegistrationBean<>(new DatabaseUnavailableFilter(templates, locales));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR,
                DispatcherType.ASYNC);
        return registration;
    }

    private static boolean jsonToEngineRest(HttpServletRequest request) {
        String type = request.getContentType();
        return request.getRequestURI().startsWith(request.getContextPath() + "/engine-rest/")
                && type != null && type.toLowerCase().startsWith("application/json");
    }

    /** Back to the login form with what was typed as the user name, and why the login failed. */
    private static void loginFailed(HttpServletRequest request, HttpServletResponse response,
                                    AuthenticationException failure) throws IOException {
        String user = request.getParameter("username");
        String reason = failure instanceof LoginThrottle.Throttled throttled ? "throttled=" + throttled.minutes() : "error";
        if (user != null && user.length() > 200) {
            user = null;
        }
        response.sendRedirect(request.getContextPath() + "/login?" + reason
                + (user == null || user.isBlank() ? "" : "&user=" + URLEncoder.encode(user.trim(), StandardCharsets.UTF_8)));
    }

    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappSso() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setInitParameters(Map.of("authentication-provider", CamundaWebappSso.class.getName()));
        registration.addUrlPatterns("/camunda/*");
        // after Spring Security's filter chain, so the signed-in person is known
        registration.setOrder(101);
        return registration;
    }
}
