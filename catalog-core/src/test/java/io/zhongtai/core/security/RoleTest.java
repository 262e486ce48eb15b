package io.zhongtai.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RoleTest {
    @Test
    void eachRoleImpliesTheOnesBelowIt() {
        assertThat(Role.VIEWER.impliedRoles()).containsExactly("viewer");
        assertThat(Role.STEWARD.impliedRoles()).containsExactly("viewer", "analyst", "steward");
        assertThat(Role.ADMIN.impliedRoles()).containsExactly("viewer", "analyst", "steward", "admin");
    }

    @Test
    void picksTheHighest() {
        assertThat(Role.highest(List.of(Role.ANALYST, Role.STEWARD, Role.VIEWER))).isEqualTo(Role.STEWARD);
        assertThat(Role.highest(List.of())).isEqualTo(Role.VIEWER);
    }

    @Test
    void unknownRoleIsAUserError() {
        assertThatThrownBy(() -> Role.fromValue("root")).hasMessageContaining("unknown role 'root'").hasMessageContaining("admin");
    }
}
