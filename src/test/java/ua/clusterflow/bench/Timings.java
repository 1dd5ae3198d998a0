package ua.clusterflow.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Repeated timings of one step: warm-up rounds first, then p50, p95 and p99 in milliseconds. */
final class Timings {

    static final int WARM_UP = 50;

    private Timings() {
    }

    interface Step {
        void run() throws Exception;
    }

    static Map<String, Object> of(int rounds, Step step) throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            step.run();
        }
        List<Double> times = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            long start = System.nanoTime();
            step.run();
            times.add((System.nanoTime() - start) / 1_000_000.0);
        }
        return figure(times);
    }

    static Map<String, Object> figure(List<Double> times) {
        List<Double> sorted = new ArrayList<>(times);
        sorted.sort(Double::compare);
        Map<String, Object> figure = new LinkedHashMap<>();
        figure.put("samples", sorted.size());
        figure.put("p50", percentile(sorted, 50));
        figure.put("p95", percentile(sorted, 95));
        figure.put("p99", percentile(sorted, 99));
        return figure;
    }

    static double percentile(List<Double> sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return Math.round(sorted.get(Math.max(0, rank - 1)) * 10) / 10.0;
    }

    @SuppressWarnings("unchecked")
    static double p95(Object figure) {
        return ((Number) ((Map<String, Object>) figure).get("p95")).doubleValue();
    }

    /** p95 of one figure over p95 of another, to two decimals. */
    @SuppressWarnings("unchecked")
    static double ratio(Map<String, Object> figures, String over, String under) {
        return Math.round(p95(figures.get(over)) / Math.max(0.1, p95(figures.get(under))) * 100) / 100.0;
    }

    @SuppressWarnings("unchecked")
    static String cell(Object figure) {
        Map<String, Object> f = (Map<String, Object>) figure;
        return f.get("p50") + " / " + f.get("p95") + " / " + f.get("p99");
    }
}
