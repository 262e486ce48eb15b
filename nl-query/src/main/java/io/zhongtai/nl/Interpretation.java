package io.zhongtai.nl;

import static java.util.Objects.requireNonNull;

import io.zhongtai.metrics.query.MetricQuery;
import java.util.List;
import java.util.Set;

/**
 * What a parser made of a question: a query to run, a clarifying question whose options are each
 * runnable, or a truthful "cannot" that says why and offers what is possible.
 */
public sealed interface Interpretation {
    Language language();

    Set<Intent> intents();

    /** A single reading, to be validated and run. */
    record Answer(MetricQuery query, Language language, Set<Intent> intents, List<String> notes) implements Interpretation {
        public Answer {
            requireNonNull(query, "query is null");
            requireNonNull(language, "language is null");
            intents = Set.copyOf(intents);
            notes = List.copyOf(notes);
        }
    }

    /** Two or more close readings: the person chooses. */
    record Clarification(String question, List<Option> options, Language language, Set<Intent> intents)
            implements Interpretation {
        public Clarification {
            requireNonNull(question, "question is null");
            options = List.copyOf(options);
            intents = Set.copyOf(intents);
        }
    }

    /**
     * No truthful reading: {@code asked} is what was understood (null when nothing was), {@code
     * reason} why it cannot be answered, {@code alternatives} what can.
     */
    record Cannot(String reason, MetricQuery asked, List<Option> alternatives, Language language, Set<Intent> intents)
            implements Interpretation {
        public Cannot {
            requireNonNull(reason, "reason is null");
            alternatives = List.copyOf(alternatives);
            intents = Set.copyOf(intents);
        }
    }
}
