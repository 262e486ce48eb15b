package io.zhongtai.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SharedMariaDbServerIT {
    @Test
    void givesEachCallerItsOwnDatabasesAndShowsItNoOthers() throws Exception {
        TestDatabase mine = TestingMariaDb.instance().createDatabase("smoke");
        TestDatabase theirs = TestingMariaDb.instance().createDatabase("smoke");
        try (Connection connection = mine.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + mine.name() + "_extra");
            statement.execute("CREATE TABLE " + mine.name() + "_extra.t (id INT)");
            assertThatThrownBy(() -> statement.execute("CREATE DATABASE " + theirs.name() + "_extra"))
                    .isInstanceOf(SQLException.class);
            List<String> visible = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA ORDER BY 1")) {
                while (rs.next()) {
                    visible.add(rs.getString(1));
                }
            }
            assertThat(visible).containsExactly("information_schema", mine.name(), mine.name() + "_extra");
        }
    }

    @Test
    void refusesAWrongPassword() {
        TestDatabase mine = TestingMariaDb.instance().createDatabase("smoke");
        TestDatabase wrong = new TestDatabase(mine.name(), mine.jdbcUrl(), mine.user(), "wrong");
        assertThatThrownBy(wrong::connect).isInstanceOf(SQLException.class).hasMessageContaining("Access denied");
    }
}
