package uk.dsltriage.console.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import uk.dsltriage.triage.facts.FactsBody;

/** The form's questions are facts of the vocabulary, each read from a field of the posted form. */
class ConcernQuestionsTest {

    @Test
    void everyQuestionIsAFactTheFormReads() {
        List<String> asked = ConcernQuestions.FACTS.stream().map(ConcernQuestions.Question::name).toList();
        Set<String> facts = Arrays.stream(FactsBody.class.getRecordComponents()).map(c -> c.getName())
                .collect(Collectors.toSet());
        asked.forEach(name -> assertTrue(facts.contains(name), name + " is a fact of the vocabulary"));
        assertEquals(asked, List.copyOf(new ConcernForm().answers().keySet()), "the form reads exactly the questions asked");
    }
}
