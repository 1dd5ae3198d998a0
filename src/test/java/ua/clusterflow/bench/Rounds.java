package ua.clusterflow.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of several measured windows of one driver as one: cases, steps and seconds added up, the rates over the
 * whole time, and what a case costs weighed by each window's cases; each window's cases per second kept beside them.
 */
final class Rounds {

    private Rounds() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> combine(List<Map<String, Object>> windows) {
        double seconds = sum(windows, "seconds");
        double cases = sum(windows, "cases");
        double steps = sum(windows, "engineSteps");
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("seconds", round(seconds));
        figures.put("cases", (long) cases);
        figures.put("casesPerSecond", Math.round(cases / seconds * 100) / 100.0);
        figures.put("engineSteps", (long) steps);
        figures.put("engineStepsPerSecond", round(steps / seconds));
        figures.put("engineStepsPerCase", round(steps / Math.max(1, cases)));
        figures.put("rounds", windows.stream().map(w -> w.get("casesPerSecond")).toList());
        figures.put("roundsCpuMillisPerCase", windows.stream().map(w -> w.get("cpuMillisPerCase")).toList());
        for (String key : windows.get(0).keySet()) {
            Object first = windows.get(0).get(key);
            if (figures.containsKey(key)) {
                continue;
            }
            if (key.equals("rowsWrittenPerEngineStep")) {
                figures.put(key, round(weighed(windows, key, "engineSteps") / Math.max(1, steps)));
            } else if (key.endsWith("PerCase") && first instanceof Number) {
                figures.put(key, round(weighed(windows, key, "cases") / Math.max(1, cases)));
            } else if (key.endsWith("PerCase") && first instanceof Map<?, ?> byProcess) {
                Map<String, Object> combined = new LinkedHashMap<>();
                for (Object process : byProcess.keySet()) {
                    double total = 0;
                    for (Map<String, Object> window : windows) {
                        Object value = ((Map<String, Object>) window.get(key)).get(process);
                        total += value == null ? 0 : ((Number) value).doubleValue() * number(window, "cases");
                    }
                    combined.put((String) process, round(total / Math.max(1, cases)));
                }
                figures.put(key, combined);
            } else if (key.endsWith("Statements") && first instanceof List<?>) {
                figures.put(key, statements(windows, key, ((List<?>) first).size()));
            } else if (key.equals("gatlingExitCode")) {
                figures.put(key, windows.stream().mapToInt(w -> ((Number) w.get(key)).intValue())
                        .filter(code -> code != 0).findFirst().orElse(0));
            } else {
                figures.put(key, first);
            }
        }
        return figures;
    }

    /**
     * A list of statements, each with its calls and milliseconds per case over the windows that list it (a window lists
     * only its costliest statements); as long as the first window's, in the same order it has (by time, or by calls for
     * the frequent ones).
     */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> statements(List<Map<String, Object>> windows, String key, int size) {
        Map<String, Map<String, Double>> totals = new LinkedHashMap<>();
        Map<String, Double> casesListed = new LinkedHashMap<>();
        for (Map<String, Object> window : windows) {
            double windowCases = number(window, "cases");
            for (Map<String, Object> statement : (List<Map<String, Object>>) window.get(key)) {
                casesListed.merge((String) statement.get("query"), windowCases, Double::sum);
                Map<String, Double> total = totals.computeIfAbsent((String) statement.get("query"),
                        q -> new LinkedHashMap<>());
                for (Map.Entry<String, Object> figure : statement.entrySet()) {
                    if (figure.getKey().endsWith("PerCase")) {
                        total.merge(figure.getKey(), ((Number) figure.getValue()).doubleValue() * windowCases,
                                Double::sum);
                    }
                }
            }
        }
        List<Map<String, Object>> combined = new ArrayList<>();
        totals.forEach((query, total) -> {
            Map<String, Object> statement = new LinkedHashMap<>();
            statement.put("query", query);
            total.forEach((figure, value) -> statement.put(figure, round(value / Math.max(1, casesListed.get(query)))));
            if (total.containsKey("millisPerCase") && total.get("callsPerCase") > 0) {
                statement.put("meanMillis", round(total.get("millisPerCase") / total.get("callsPerCase")));
            }
            combined.add(statement);
        });
        String order = key.equals("topStatements") ? "millisPerCase" : "callsPerCase";
        combined.sort(Comparator.comparing(statement -> -((Number) statement.getOrDefault(order, 0.0)).doubleValue()));
        return combined.size() > size && key.equals("topStatements") ? combined.subList(0, size) : combined;
    }

    private static double weighed(List<Map<String, Object>> windows, String key, String weight) {
        return windows.stream().mapToDouble(w -> number(w, key) * number(w, weight)).sum();
    }

    private static double sum(List<Map<String, Object>> windows, String key) {
        return windows.stream().mapToDouble(w -> number(w, key)).sum();
    }

    private static double number(Map<String, Object> window, String key) {
        return ((Number) window.get(key)).doubleValue();
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
