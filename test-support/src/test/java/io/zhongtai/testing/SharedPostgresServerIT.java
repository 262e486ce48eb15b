package io.zhongtai.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class SharedPostgresServerIT {
    @Test
    void givesEachCallerItsOwnDatabaseOwnedByItsOwnLogin() throws Exception {
        TestDatabase first = TestingPostgres.instance().createDatabase("smoke");
        TestDatabase second = TestingPostgres.instance().createDatabase("smoke");
        assertThat(first.name()).isNotEqualTo(second.name()).startsWith("smoke_");
        try (Connection connection = first.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA shop");
            statement.execute("CREATE TABLE shop.t (id integer)");
            statement.execute("CREATE ROLE reader_" + first.name());
            try (ResultSet rs = statement.executeQuery("SELECT current_database(), current_user, rolsuper FROM pg_roles WHERE rolname = current_user")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo(first.name());
                assertThat(rs.getString(2)).isEqualTo(first.user());
                assertThat(rs.getBoolean(3)).as("superuser").isFalse();
            }
        }
        assertThat(first.toString()).doesNotContain(first.password());
    }
}
