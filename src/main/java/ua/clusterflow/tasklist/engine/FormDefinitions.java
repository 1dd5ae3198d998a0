package ua.clusterflow.tasklist.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import ua.clusterflow.tasklist.FormDefinition;
import ua.clusterflow.tasklist.FormField;
import ua.clusterflow.tasklist.TaskView;

/**
 * Reads the Camunda Forms JSON deployed with the engine into {@link FormDefinition}s, once for each process
 * definition and step: a deployed definition never changes (a new deployment is a new definition), so a form page
 * and its submission do not fetch and parse the same JSON again.
 */
@Component
public class FormDefinitions {

    private final FormService formService;
    private final RepositoryService repository;
    private final JdbcClient jdbc;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, FormDefinition> parsed = new ConcurrentHashMap<>();

    public FormDefinitions(FormService formService, RepositoryService repository, JdbcClient jdbc) {
        this.formService = formService;
        this.repository = repository;
        this.jdbc = jdbc;
    }

    public FormDefinition forTask(Task task) {
        return withChoices(parsed.computeIfAbsent(task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey(),
                key -> read(() -> formService.getDeployedTaskForm(task.getId()))), task.getId());
    }

    public FormDefinition forTask(TaskView task) {
        return withChoices(parsed.computeIfAbsent(task.processDefinitionId() + "#" + task.stepKey(),
                key -> read(() -> formService.getDeployedTaskForm(task.id()))), task.id());
    }

    /**
     * The task's form with the choices its case holds for it (a motion's options on its ballot), read only then: a
     * text variable of the task's process instance, in one statement, where the engine's variable lookup loaded the
     * task, its executions and all their variables.
     */
    private FormDefinition withChoices(FormDefinition form, String taskId) {
        return form == null ? null : form.withChoices(name -> jdbc.sql("""
                        select v.text_ from act_ru_task t
                        join act_ru_variable v on v.execution_id_ = t.proc_inst_id_ and v.name_ = :name
                        where t.id_ = :task and v.task_id_ is null""")
                .param("task", taskId).param("name", name).query(String.class).optional().orElse(null));
    }

    public FormDefinition forStart(String processDefinitionId) {
        return parsed.computeIfAbsent(processDefinitionId,
                key -> read(() -> formService.getDeployedStartForm(processDefinitionId)));
    }

    /** The start form of the newest version of a process, as a public page shows it before the case exists. */
    public FormDefinition forStartOfProcess(String processKey) {
        return forStart(repository.createProcessDefinitionQuery().processDefinitionKey(processKey).withoutTenantId()
                .latestVersion().singleResult().getId());
    }

    /** A form as the application carries it ({@code forms/…}), for a page of the app's own that shares its fields. */
    public FormDefinition fromClasspath(String path) {
        return parsed.computeIfAbsent("classpath:" + path,
                key -> read(() -> FormDefinitions.class.getClassLoader().getResourceAsStream(path)));
    }

    private FormDefinition read(Supplier<InputStream> deployed) {
        try (InputStream in = deployed.get()) {
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public FormDefinition parse(InputStream in) throws IOException {
        JsonNode root = json.readTree(in);
        List<FormField> fields = new ArrayList<>();
        collect(root.path("components"), fields);
        return new FormDefinition(root.path("id").asText(), List.copyOf(fields));
    }

    private void collect(JsonNode components, List<FormField> fields) {
        for (JsonNode c : components) {
            String type = c.path("type").asText();
            if ("group".equals(type) || "dynamiclist".equals(type)) {
                collect(c.path("components"), fields);
                continue;
            }
            JsonNode validate = c.path("validate");
            List<FormField.Option> options = new ArrayList<>();
            for (JsonNode v : c.path("values")) {
                options.add(new FormField.Option(v.path("value").asText(), v.path("label").asText()));
            }
            Map<String, String> properties = new LinkedHashMap<>();
            c.path("properties").fields().forEachRemaining(e -> properties.put(e.getKey(), e.getValue().asText()));
            fields.add(new FormField(
                    "text".equals(type) ? "text-" + fields.size() : c.path("key").asText(),
                    type,
                    "text".equals(type) ? c.path("text").asText() : c.path("label").asText(),
                    c.path("description").asText(null),
                    validate.path("required").asBoolean(false),
                    intOrNull(validate, "minLength"), intOrNull(validate, "maxLength"),
                    doubleOrNull(validate, "min"), doubleOrNull(validate, "max"),
                    validate.path("pattern").asText(null),
                    List.copyOf(options), Map.copyOf(properties),
                    c.path("accept").asText(null),
                    c.path("subtype").asText(null),
                    c.has("decimalDigits") && c.path("decimalDigits").asInt() == 0));
        }
    }

    private static Integer intOrNull(JsonNode node, String name) {
        return node.has(name) ? node.get(name).asInt() : null;
    }

    private static Double doubleOrNull(JsonNode node, String name) {
        return node.has(name) ? node.get(name).asDouble() : null;
    }
}
