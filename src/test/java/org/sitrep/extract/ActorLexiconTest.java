package org.sitrep.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sitrep.model.Actor;

class ActorLexiconTest {
    @Test
    void rolesFollowTheLeadAndPassiveAgent() {
        ActorLexicon lex = ActorLexicon.loadDefault();
        var actors = lex.actors(Tokens.of("Two soldiers were killed by Taliban militants at a checkpoint, police said."));
        Actor first = actors.get(0);
        assertEquals("Taliban", first.name());
        assertEquals("actor1", first.role());
        assertEquals("taliban", first.side());
        assertTrue(actors.stream().anyMatch(a -> a.name().equals("soldiers") && a.role().equals("actor2")), actors::toString);
    }

    @Test
    void russianAndArabicActors() {
        ActorLexicon lex = ActorLexicon.loadDefault();
        assertEquals("ua", lex.actors(Tokens.of("Подразделения ВСУ отразили атаку.")).get(0).side());
        assertEquals("houthi", lex.actors(Tokens.of("هاجم الحوثيون مواقع الجيش")).get(0).side());
    }

    @Test
    void deploymentFileExtendsAndOverrides(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("actors.tsv");
        Files.writeString(f, "# local list\nnorthern brigade\tmilitia\tnb\tNorthern Brigade\ntaliban\trebel_group\tred\tTaliban\n");
        ActorLexicon lex = ActorLexicon.load(f);
        assertEquals(ActorLexicon.loadDefault().size() + 1, lex.size());
        var actors = lex.actors(Tokens.of("The Northern Brigade clashed with the Taliban."));
        assertEquals("nb", actors.get(0).side());
        assertEquals("red", actors.get(1).side());
    }

    @Test
    void badDeploymentFileSaysWhereAndWhy(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("actors.tsv");
        Files.writeString(f, "good guys\tfriends\tg\tGood\n");
        var e = assertThrows(IllegalArgumentException.class, () -> ActorLexicon.load(f));
        assertTrue(e.getMessage().contains("line 1") && e.getMessage().contains("unknown kind 'friends'"), e.getMessage());
        var missing = assertThrows(IllegalArgumentException.class, () -> ActorLexicon.load(dir.resolve("nope.tsv")));
        assertTrue(missing.getMessage().contains("not found"));
    }
}
