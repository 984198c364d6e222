package dev.darkmaximus.admin.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import org.junit.jupiter.api.Test;

class LazyListsTest {

    @Test
    void theClickedColumnBecomesTheBackendsSortParameter() {
        assertThat(LazyLists.sort(List.of(), "-registeredAt")).isEqualTo("-registeredAt");
        assertThat(LazyLists.sort(List.of(new QuerySortOrder("username", SortDirection.ASCENDING)), "-x"))
                .isEqualTo("username");
        assertThat(LazyLists.sort(List.of(new QuerySortOrder("amount", SortDirection.DESCENDING)), "-x"))
                .isEqualTo("-amount");
    }
}
