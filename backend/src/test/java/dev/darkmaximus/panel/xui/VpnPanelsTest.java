package dev.darkmaximus.panel.xui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.darkmaximus.panel.PanelException;
import dev.darkmaximus.panel.VpnPanels;

class VpnPanelsTest {

    @Test
    void bothThreeXUiTypesGetTheVersionAwareAdapterAndUnknownTypesNone() {
        XuiTestSupport wiring = new XuiTestSupport();
        VpnPanels panels = new VpnPanels(List.of(wiring.xui));

        assertThat(panels.forType("XUI_V2")).isSameAs(wiring.xui);
        assertThat(panels.forType("XUI_V3")).isSameAs(wiring.xui);
        assertThatThrownBy(() -> panels.forType("MARZBAN")).isInstanceOf(PanelException.class);
    }
}
