package dev.stride.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CqlScriptTest {

    @Test
    void splitsAtSemicolonsAndDropsComments() {
        String script = """
                -- a comment; with a semicolon
                CREATE TABLE IF NOT EXISTS a (id text PRIMARY KEY); -- trailing comment
                // another comment style
                CREATE TABLE IF NOT EXISTS b (
                    id text PRIMARY KEY /* inline; block */
                );
                """;
        assertThat(CqlScript.split(script)).containsExactly(
                "CREATE TABLE IF NOT EXISTS a (id text PRIMARY KEY)",
                "CREATE TABLE IF NOT EXISTS b (\n    id text PRIMARY KEY  \n)");
    }

    @Test
    void keepsSemicolonsAndCommentMarkersInsideLiterals() {
        String script = "INSERT INTO t (k, v) VALUES ('a;b', 'it''s -- not a comment; really');\n"
                + "SELECT \"odd;\"\"name\" FROM t;\n"
                + "CREATE FUNCTION f() RETURNS NULL ON NULL INPUT RETURNS int LANGUAGE java AS $$ return 1; $$;";
        assertThat(CqlScript.split(script)).containsExactly(
                "INSERT INTO t (k, v) VALUES ('a;b', 'it''s -- not a comment; really')",
                "SELECT \"odd;\"\"name\" FROM t",
                "CREATE FUNCTION f() RETURNS NULL ON NULL INPUT RETURNS int LANGUAGE java AS $$ return 1; $$");
    }

    @Test
    void keepsALastStatementWithoutSemicolonAndDropsEmptyOnes() {
        assertThat(CqlScript.split(";;\n  ;SELECT 1;\n\nSELECT 2\n")).containsExactly("SELECT 1", "SELECT 2");
        assertThat(CqlScript.split("-- only a comment\n")).isEmpty();
    }

    @Test
    void refusesUnterminatedLiteralsAndComments() {
        assertThatThrownBy(() -> CqlScript.split("SELECT 1;\nINSERT INTO t (v) VALUES ('oops);"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2");
        assertThatThrownBy(() -> CqlScript.split("/* never closed"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("comment");
    }

    @Test
    void normalisesLineEndingsAndByteOrderMark() {
        assertThat(CqlScript.normalise("\uFEFFa\r\nb\rc\n")).isEqualTo("a\nb\nc\n");
    }

    @Test
    void checksumIgnoresLineEndingsButNotContent() {
        String unix = "CREATE TABLE IF NOT EXISTS a (id text PRIMARY KEY);\n";
        String windows = unix.replace("\n", "\r\n");
        assertThat(CqlScript.checksum(windows)).isEqualTo(CqlScript.checksum(unix)).hasSize(64).matches("[0-9a-f]+");
        assertThat(CqlScript.checksum(unix.replace("a (", "b ("))).isNotEqualTo(CqlScript.checksum(unix));
        // SHA-256 of the empty string, a known vector
        assertThat(CqlScript.checksum(""))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }
}
