package ua.clusterflow.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import ua.clusterflow.base.Sha256;

/**
 * The engine deploys the models shipped in {@code bpmn/} and {@code forms/} and nothing else: every new deployment
 * is checked before the engine parses it, whichever door it came through (the REST API, the webapps, code). A
 * resource identical to a shipped one passes. With {@code clusterflow.engine.deployments-enabled} an operator may
 * deploy other models, but only ones that can run no code: the resource is read by an XML parser that takes no
 * document type (so no entities), and every attribute and text, as the engine would read it after character
 * references, CDATA and any encoding, must be free of expressions, scripts, Java classes and external functions.
 */
@Component
public class DeploymentGuard extends AbstractProcessEnginePlugin {

    static final List<String> SHIPPED = List.of("classpath*:bpmn/*.bpmn", "classpath*:bpmn/*.dmn",
            "classpath*:forms/**/*.form");
    private static final Pattern CODE = Pattern.compile("[$#]\\s*\\{|\\bexternal\\b|\\bjava\\s*:");
    private static final Set<String> CODE_ATTRIBUTES = Set.of("class", "delegateexpression", "expression",
            "resultvariable", "scriptformat", "resource", "expressionlanguage", "variablemappingclass",
            "variablemappingdelegateexpression");
    private static final Set<String> CODE_ELEMENTS = Set.of("script", "scripttask", "executionlistener",
            "tasklistener", "connector", "field");

    private final Set<String> shipped;
    private final boolean deploymentsEnabled;

    public DeploymentGuard(@Value("${clusterflow.engine.deployments-enabled:false}") boolean deploymentsEnabled) {
        this.deploymentsEnabled = deploymentsEnabled;
        this.shipped = shippedHashes();
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<Deployer> deployers = new ArrayList<>();
        if (configuration.getCustomPreDeployers() != null) {
            deployers.addAll(configuration.getCustomPreDeployers());
        }
        deployers.add(0, this::check);
        configuration.setCustomPreDeployers(deployers);
    }

    private void check(DeploymentEntity deployment) {
        if (!deployment.isNew() || deployment.getResources() == null) {
            return;
        }
        for (ResourceEntity resource : deployment.getResources().values()) {
            String problem = problem(resource.getName(), resource.getBytes());
            if (problem != null) {
                throw new ProcessEngineException("Deployment refused: " + resource.getName() + " " + problem);
            }
        }
    }

    /** What keeps a resource out of the engine, or null when it may be deployed. */
    public String problem(String name, byte[] content) {
        if (shipped.contains(Sha256.hex(content))) {
            return null;
        }
        if (!deploymentsEnabled) {
            return "is not one of the models shipped with ClusterFlow; deployments are closed "
                    + "(clusterflow.engine.deployments-enabled)";
        }
        return runsCode(content) ? "carries expressions, scripts, Java classes or external functions" : null;
    }

    static boolean runsCode(byte[] content) {
        if (ExpressionSyntax.carriesExpression(content)) {
            return true;
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            // CDATA sections joined with the text around them, as the engine reads an expression
            factory.setCoalescing(true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return runsCode(builder.parse(new ByteArrayInputStream(content)).getDocumentElement());
        } catch (Exception notXml) {
            // what no XML parser reads is no model the engine runs; a form's JSON was checked as text above
            return looksLikeXml(content);
        }
    }

    private static boolean runsCode(Element element) {
        if (CODE_ELEMENTS.contains(local(element))) {
            return true;
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            if (CODE_ATTRIBUTES.contains(local(attribute)) || CODE.matcher(attribute.getValue()).find()) {
                return true;
            }
        }
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node child = children.item(i);
            boolean code = child instanceof Element nested ? runsCode(nested)
                    : child.getNodeType() == Node.TEXT_NODE && CODE.matcher(child.getNodeValue()).find();
            if (code) {
                return true;
            }
        }
        return false;
    }

    private static String local(Node node) {
        String name = node.getLocalName() == null ? node.getNodeName() : node.getLocalName();
        return name.toLowerCase(Locale.ROOT);
    }

    private static boolean looksLikeXml(byte[] content) {
        for (String text : ExpressionSyntax.readings(content)) {
            if (text.stripLeading().replace("\uFEFF", "").startsWith("<")) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> shippedHashes() {
        Set<String> hashes = new HashSet<>();
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        try {
            for (String pattern : SHIPPED) {
                for (Resource resource : resolver.getResources(pattern)) {
                    try (var in = resource.getInputStream()) {
                        hashes.add(Sha256.hex(in.readAllBytes()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return hashes;
    }

}
