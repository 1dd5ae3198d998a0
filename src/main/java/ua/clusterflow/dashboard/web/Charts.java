package ua.clusterflow.dashboard.web;

import java.util.Collections;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Sizes for the charts drawn on the server, used by templates as {@code @charts}. */
@Component("charts")
public class Charts {

    /** The largest value, at least 1, so that the tallest bar fills the chart. */
    public int max(Map<String, Integer> values) {
        return values.isEmpty() ? 1 : Math.max(1, Collections.max(values.values()));
    }
}
