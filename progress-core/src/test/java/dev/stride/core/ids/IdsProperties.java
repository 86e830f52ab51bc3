package dev.stride.core.ids;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** isValid is a loop; it must say what the pattern its RULE describes says, for every string. */
class IdsProperties {

    private static final Pattern RULE_PATTERN = Pattern.compile("[A-Za-z0-9_.:@-]{1,128}");

    @Property(tries = 5_000)
    void isValidIsTheRulePattern(@ForAll("idLike") String id) {
        assertThat(Ids.isValid(id)).isEqualTo(RULE_PATTERN.matcher(id).matches());
    }

    @Provide
    Arbitrary<String> idLike() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMinLength(0).ofMaxLength(140),
                Arbitraries.strings().withChars("aZ09_.:@-|/ \u00e9\u0000").ofMinLength(0).ofMaxLength(130),
                Arbitraries.strings().withChars("x").ofMinLength(126).ofMaxLength(130));
    }
}
