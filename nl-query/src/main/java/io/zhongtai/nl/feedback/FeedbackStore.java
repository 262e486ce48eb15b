package io.zhongtai.nl.feedback;

import java.util.List;

/** Where feedback on interpretations is kept for review. */
public interface FeedbackStore {
    void record(Feedback feedback);

    /** The latest feedback first, at most {@code limit}. */
    List<Feedback> recent(int limit);
}
