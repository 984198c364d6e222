package dev.darkmaximus.admin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;

class FailuresTest {

    @Test
    void fieldPathsFallBackToTheInputForTheWholeItemOrList() {
        TextField rub = new TextField();
        TextField name = new TextField();
        Map<String, TextField> fields = Map.of("prices[0]", rub, "nameRu", name);

        assertThat(Failures.fieldFor("prices[0].amount", fields)).isSameAs(rub);
        assertThat(Failures.fieldFor("nameRu", fields)).isSameAs(name);
        assertThat(Failures.fieldFor("prices[1].amount", fields)).isNull();
        assertThat(Failures.fieldFor("hostId", fields)).isNull();
    }
}
