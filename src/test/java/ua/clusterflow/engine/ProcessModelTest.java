package ua.clusterflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import ua.clusterflow.IntegrationTest;

/**
 * Every model in {@code bpmn/} holds together with the code: each service step and listener is a delegate
 * expression whose bean exists, each bean an expression calls has the method, each user task and start form refers to a form in {@code forms/},
 * and each element has a name. Fails when a model and the code drift apart.
 */
class ProcessModelTest extends IntegrationTest {

    @Autowired ApplicationContext context;

    @Test
    void serviceStepsAreDelegateExpressionsBoundToExistingBeans() throws Exception {
        List<String> problems = new ArrayList<>();
        for (BpmnModelInstance model : models()) {
            List<BaseElement> steps = new ArrayList<>();
            steps.addAll(model.getModelElementsByType(ServiceTask.class));
            steps.addAll(model.getModelElementsByType(BusinessRuleTask.class));
            for (BaseElement step : steps) {
                String expression = step.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "delegateExpression");
                if (expression == null || !expression.matches("\\$\\{\\w+}")) {
                    problems.add(step.getId() + " is not a delegate expression");
                } else if (!context.containsBean(expression.substring(2, expression.length() - 1))) {
                    problems.add(step.getId() + " refers to a missing bean " + expression);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /**
     * Each execution and task listener is a delegate expression bound to a bean of the listener's kind, and each
     * expression elsewhere that calls a bean (such as a vote's {@code ${boardVoters.of(execution)}}) names a bean that
     * has the method.
     */
    @Test
    void listenersAndBeanCallsInExpressionsAreBoundToExistingBeans() throws Exception {
        List<String> problems = new ArrayList<>();
        for (BpmnModelInstance model : models()) {
            for (CamundaExecutionListener listener : model.getModelElementsByType(CamundaExecutionListener.class)) {
                checkListener(listener.getCamundaDelegateExpression(), ExecutionListener.class,
                        listener.getParentElement().getParentElement(), problems);
            }
            for (CamundaTaskListener listener : model.getModelElementsByType(CamundaTaskListener.class)) {
                checkListener(listener.getCamundaDelegateExpression(), TaskListener.class,
                        listener.getParentElement().getParentElement(), problems);
            }
            Matcher call = BEAN_CALL.matcher(Bpmn.convertToString(model));
            while (call.find()) {
                String bean = call.group(1);
                String method = call.group(2);
                if (!context.containsBean(bean)) {
                    problems.add(call.group() + " calls a missing bean " + bean);
                } else if (Arrays.stream(AopUtils.getTargetClass(context.getBean(bean)).getMethods())
                        .noneMatch(m -> m.getName().equals(method))) {
                    problems.add(call.group() + " calls a method " + bean + " does not have");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private static final Pattern BEAN_CALL = Pattern.compile("\\$\\{(\\w+)\\.(\\w+)\\(");

    private void checkListener(String expression, Class<?> kind, ModelElementInstance on, List<String> problems) {
        String where = on instanceof BaseElement element ? element.getId() : String.valueOf(on);
        if (expression == null || !expression.matches("\\$\\{\\w+}")) {
            problems.add("a listener on " + where + " is not a delegate expression");
            return;
        }
        String bean = expression.substring(2, expression.length() - 1);
        if (!context.containsBean(bean)) {
            problems.add("a listener on " + where + " refers to a missing bean " + expression);
        } else if (!kind.isInstance(context.getBean(bean))
                // the engine runs a Java delegate as an execution listener too
                && !(kind == ExecutionListener.class && context.getBean(bean) instanceof JavaDelegate)) {
            problems.add("the listener " + expression + " on " + where + " is not a " + kind.getSimpleName());
        }
    }

    @Test
    void everyFormReferenceHasItsForm() throws Exception {
        Set<String> formIds;
        try (Stream<Path> files = Files.walk(Path.of("forms"))) {
            formIds = files.filter(p -> p.toString().endsWith(".form")).map(this::formId).collect(Collectors.toSet());
        }
        List<String> problems = new ArrayList<>();
        for (BpmnModelInstance model : models()) {
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                check(task, task.getCamundaFormRef(), formIds, problems);
            }
            for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
                if (start.getCamundaFormRef() != null) {
                    check(start, start.getCamundaFormRef(), formIds, problems);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyStepHasAHumanName() throws Exception {
        List<String> unnamed = new ArrayList<>();
        for (BpmnModelInstance model : models()) {
            for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
                boolean joiningGateway = node.getId().endsWith("Join");
                if (!joiningGateway && (node.getName() == null || node.getName().isBlank())) {
                    unnamed.add(node.getId());
                }
            }
        }
        assertThat(unnamed).isEmpty();
    }

    /**
     * The rules Camunda Modeler's linter recommends, as far as these models can break them: no gateway that both joins
     * and forks, no step with several incoming flows (a join needs its gateway), no implicit split, no gateway with one
     * way in and one way out, conditions on every way out of a split, labels only on the ways out of a split, and a
     * start and an end in every process and sub-process.
     */
    @Test
    void theModelsPassTheModelersRecommendedLintRules() throws Exception {
        List<String> problems = new ArrayList<>();
        for (BpmnModelInstance model : models()) {
            for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
                int in = node.getIncoming().size();
                int out = node.getOutgoing().size();
                boolean gateway = node instanceof Gateway;
                if (gateway && in > 1 && out > 1) {
                    problems.add(node.getId() + " both joins and forks");
                }
                if (gateway && in == 1 && out == 1) {
                    problems.add(node.getId() + " is a superfluous gateway");
                }
                if (!gateway && in > 1) {
                    problems.add(node.getId() + " joins " + in + " flows without a gateway");
                }
                if (!gateway && out > 1) {
                    problems.add(node.getId() + " splits without a gateway");
                }
                boolean split = gateway && out > 1;
                for (SequenceFlow flow : node.getOutgoing()) {
                    boolean isDefault = node instanceof ExclusiveGateway exclusive
                            && flow.equals(exclusive.getDefault());
                    if (split && !(node instanceof ParallelGateway)
                            && !(node instanceof EventBasedGateway)
                            && flow.getConditionExpression() == null && !isDefault) {
                        problems.add(flow.getId() + " leaves a split without a condition");
                    }
                    if (!split && flow.getName() != null && !flow.getName().isBlank()) {
                        problems.add(flow.getId() + " is labelled but leaves no split");
                    }
                }
            }
            Map<String, Collection<FlowElement>> scopes =
                    new LinkedHashMap<>();
            model.getModelElementsByType(Process.class)
                    .forEach(p -> scopes.put(p.getId(), p.getFlowElements()));
            model.getModelElementsByType(SubProcess.class)
                    .forEach(p -> scopes.put(p.getId(), p.getFlowElements()));
            scopes.forEach((id, elements) -> {
                if (elements.stream().noneMatch(e -> e instanceof StartEvent)
                        || elements.stream().noneMatch(e -> e instanceof EndEvent)) {
                    problems.add(id + " lacks a start or an end event");
                }
            });
        }
        assertThat(problems).isEmpty();
    }

    private void check(BaseElement element, String formRef, Set<String> formIds, List<String> problems) {
        if (formRef == null || !formIds.contains(formRef)) {
            problems.add(element.getId() + " refers to form " + formRef);
        }
    }

    /**
     * Camunda Modeler's linter warns of overlapping elements: no two shapes of a diagram overlap or touch, but for a
     * boundary event on its activity and an expanded subprocess around its own elements.
     */
    @Test
    void noTwoShapesOfADiagramOverlap() {
        List<String> overlapping = new ArrayList<>();
        for (BpmnModelInstance model : models()) {
            List<BpmnShape> shapes = new ArrayList<>(model.getModelElementsByType(BpmnShape.class));
            for (int i = 0; i < shapes.size(); i++) {
                for (int j = i + 1; j < shapes.size(); j++) {
                    BpmnShape a = shapes.get(i);
                    BpmnShape b = shapes.get(j);
                    if (!belong(a, b) && !belong(b, a) && meet(a.getBounds(), b.getBounds())) {
                        overlapping.add(a.getBpmnElement().getId() + " / " + b.getBpmnElement().getId());
                    }
                }
            }
        }
        assertThat(overlapping).isEmpty();
    }

    /** A boundary event on its activity, or an element inside its expanded subprocess. */
    private static boolean belong(BpmnShape part, BpmnShape whole) {
        if (part.getBpmnElement() instanceof BoundaryEvent boundary && boundary.getAttachedTo() == whole.getBpmnElement()) {
            return true;
        }
        for (ModelElementInstance parent = part.getBpmnElement().getParentElement(); parent != null;
             parent = parent.getParentElement()) {
            if (parent == whole.getBpmnElement()) {
                return true;
            }
        }
        return false;
    }

    private static boolean meet(Bounds a, Bounds b) {
        return a.getX() <= b.getX() + b.getWidth() && b.getX() <= a.getX() + a.getWidth()
                && a.getY() <= b.getY() + b.getHeight() && b.getY() <= a.getY() + a.getHeight();
    }

    private String formId(Path path) {
        try {
            return new ObjectMapper().readTree(path.toFile()).path("id").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<BpmnModelInstance> models() {
        File[] files = new File("bpmn").listFiles((dir, name) -> name.endsWith(".bpmn"));
        assertThat(files).isNotEmpty();
        return Stream.of(files).map(Bpmn::readModelFromFile).toList();
    }
}
