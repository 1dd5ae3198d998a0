package ua.clusterflow.base;

import java.util.function.Supplier;
import org.thymeleaf.context.LazyContextVariable;

/** A page's value read only if its template shows it, as it renders: no statement for a part the page leaves out. */
public final class WhenShown {

    private WhenShown() {
    }

    public static <T> LazyContextVariable<T> of(Supplier<T> value) {
        return new LazyContextVariable<>() {
            @Override
            protected T loadValue() {
                return value.get();
            }
        };
    }
}
