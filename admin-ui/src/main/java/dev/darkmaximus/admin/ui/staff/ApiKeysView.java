package dev.darkmaximus.admin.ui.staff;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import dev.darkmaximus.admin.backend.BackendException;
import dev.darkmaximus.admin.backend.BackendSession;
import dev.darkmaximus.admin.ui.AdminOnly;
import dev.darkmaximus.admin.ui.Failures;
import dev.darkmaximus.admin.ui.MainLayout;
import dev.darkmaximus.client.api.AdminApiKeysApi;
import dev.darkmaximus.client.model.ApiKeyCreateRequest;
import dev.darkmaximus.client.model.ApiKeyResponse;
import dev.darkmaximus.client.model.ApiScope;
import dev.darkmaximus.client.model.CreatedApiKeyResponse;

/** Keys for integrators (SPEC §15): issued with scopes and shown once, revoked when no longer needed. */
@AdminOnly
@Route(value = "api-keys", layout = MainLayout.class)
@PageTitle("API keys · Dark Maximus")
public class ApiKeysView extends VerticalLayout {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final BackendSession session;
    private final Grid<ApiKeyResponse> grid = new Grid<>(ApiKeyResponse.class, false);

    public ApiKeysView(BackendSession session) {
        this.session = session;
        setSizeFull();
        Button add = new Button(getTranslation("apiKeys.add"), e -> createDialog().open());
        add.setId("api-key-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.setId("api-keys-grid");
        grid.setEmptyStateText(getTranslation("common.empty"));
        grid.addColumn(ApiKeyResponse::getName).setHeader(getTranslation("apiKeys.name"));
        grid.addColumn(k -> k.getPrefix() + "…").setHeader(getTranslation("apiKeys.prefix")).setAutoWidth(true);
        grid.addColumn(k -> k.getScopes().stream().map(ApiScope::getValue).collect(Collectors.joining(", ")))
                .setHeader(getTranslation("apiKeys.scopes"));
        grid.addColumn(k -> k.getLastUsedAt() == null ? "" : AT.format(k.getLastUsedAt().toLocalDateTime()))
                .setHeader(getTranslation("apiKeys.lastUsed")).setAutoWidth(true);
        grid.addComponentColumn(k -> {
            if (k.getRevokedAt() != null) {
                return new Span(getTranslation("apiKeys.revokedAt",
                        AT.format(k.getRevokedAt().toLocalDateTime())));
            }
            Button revoke = new Button(getTranslation("apiKeys.revoke"), e -> {
                ConfirmDialog confirm = new ConfirmDialog(getTranslation("apiKeys.revokeTitle", k.getName()),
                        getTranslation("apiKeys.revokeText"), getTranslation("apiKeys.revoke"), ok -> {
                            try {
                                session.call(c -> new AdminApiKeysApi(c).revokeApiKey(k.getId()));
                                load();
                            } catch (BackendException ex) {
                                Failures.show(ex);
                            }
                        }, getTranslation("common.cancel"), no -> { });
                confirm.setConfirmButtonTheme("error primary");
                confirm.open();
            });
            revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            revoke.addClassName("api-key-revoke");
            return revoke;
        }).setAutoWidth(true);
        add(add, grid);
        load();
    }

    private void load() {
        try {
            List<ApiKeyResponse> keys = session.call(c -> new AdminApiKeysApi(c).listApiKeys());
            grid.setItems(keys);
        } catch (BackendException e) {
            Failures.show(e);
        }
    }

    private Dialog createDialog() {
        Dialog dialog = new Dialog(getTranslation("apiKeys.add"));
        TextField name = new TextField(getTranslation("apiKeys.name"));
        name.setId("api-key-name");
        name.setWidthFull();
        CheckboxGroup<ApiScope> scopes = new CheckboxGroup<>(getTranslation("apiKeys.scopes"));
        scopes.setId("api-key-scopes");
        scopes.setItems(ApiScope.values());
        scopes.setItemLabelGenerator(ApiScope::getValue);
        dialog.add(new VerticalLayout(name, scopes));
        Button create = new Button(getTranslation("apiKeys.create"), e -> {
            try {
                CreatedApiKeyResponse created = session.call(c -> new AdminApiKeysApi(c).createApiKey(
                        new ApiKeyCreateRequest().name(name.getValue().strip()).scopes(scopes.getValue())));
                dialog.removeAll();
                dialog.getFooter().removeAll();
                TextField key = new TextField(getTranslation("apiKeys.key"));
                key.setId("api-key-value");
                key.setValue(created.getKey());
                key.setReadOnly(true);
                key.setWidthFull();
                dialog.add(new Paragraph(getTranslation("apiKeys.shownOnce")), key);
                dialog.getFooter().add(new Button(getTranslation("common.close"), ev -> dialog.close()));
                load();
            } catch (BackendException ex) {
                Failures.show(ex, Map.of("name", name, "scopes", scopes));
            }
        });
        create.setId("api-key-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), create);
        dialog.setWidth("min(36em, 100vw)");
        return dialog;
    }
}
