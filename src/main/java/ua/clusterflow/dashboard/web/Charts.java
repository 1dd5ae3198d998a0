package ua.clusterflow.dashboard.web;

import java.util.Collections;
import java.util.Map;
import java.util.StringJoiner;
import org.springframework.stereotype.Component;

/** Sizes for the charts drawn on the server, used by templates as {@code @charts}. */
@Component("charts")
public class Charts {

    /** The largest value, at least 1, so that the tallest bar fills the chart. */
    public int max(Map<String, Integer> values) {
        return values.isEmpty() ? 1 : Math.max(1, Collections.max(values.values()));
    }

    /** The points of a trend line: one per value, {@code step} apart, the largest {@code height} above the base. */
    public String points(Map<String, Integer> values, int step, int height, int base) {
        int max = max(values);
        StringJoiner points = new StringJoiner(" ");
        int i = 0;
        for (int value : values.values()) {
            points.add((i++ * step + step / 2) + "," + (base - value * height / max));
        }
        return points.toString();
    }
}
