package io.zhongtai.service.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The crash hook is off unless its property names a point (reaching a point would end this JVM). */
class CrashPointsTest {
    @Test
    void isOffWithoutTheProperty() {
        CrashPoints none = CrashPoints.parse(null);
        assertThat(none.armed()).isFalse();
        for (CrashPoints.Point point : CrashPoints.Point.values()) {
            none.reached(point); // would halt the JVM if armed
        }
        assertThat(CrashPoints.parse(" ").armed()).isFalse();
    }

    @Test
    void namesEveryPointAsTheTestsWriteIt() {
        assertThat(CrashPoints.parse("graph-commit:2").armed()).isTrue();
        assertThat(CrashPoints.parse("before-index").armed()).isTrue();
        assertThat(CrashPoints.Point.BEFORE_COMMIT.value()).isEqualTo("before-commit");
        // armed for another point, or for a later time: reaching this one now does nothing
        CrashPoints later = CrashPoints.parse("after-commit:3");
        later.reached(CrashPoints.Point.BEFORE_INDEX);
        later.reached(CrashPoints.Point.AFTER_COMMIT);
        later.reached(CrashPoints.Point.AFTER_COMMIT);
        assertThatThrownBy(() -> CrashPoints.parse("somewhere:1")).hasMessageContaining("unknown point 'somewhere'");
    }
}
