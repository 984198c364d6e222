package dev.darkmaximus.admin.ui.staff;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import dev.darkmaximus.admin.backend.BackendException;
import dev.darkmaximus.admin.backend.BackendSession;
import dev.darkmaximus.admin.ui.AdminOnly;
import dev.darkmaximus.admin.ui.Failures;
import dev.darkmaximus.admin.ui.MainLayout;
import dev.darkmaximus.client.api.AdminStaffApi;
import dev.darkmaximus.client.model.PasswordResetRequest;
import dev.darkmaximus.client.model.StaffCreateRequest;
import dev.darkmaximus.client.model.StaffResponse;
import dev.darkmaximus.client.model.StaffUpdateRequest;

/**
 * Admins and operators (SPEC §7, §10): add an account, change its role, switch it off, set a new password, clear
 * its two-factor sign-in or lift a lockout. The backend refuses to leave the shop without an active admin.
 */
@AdminOnly
@Route(value = "staff", layout = MainLayout.class)
@PageTitle("Staff · Dark Maximus")
public class StaffView extends VerticalLayout {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final BackendSession session;
    private final Grid<StaffResponse> grid = new Grid<>(StaffResponse.class, false);

    public StaffView(BackendSession session) {
        this.session = session;
        setSizeFull();
        Button add = new Button(getTranslation("staff.add"), e -> createDialog().open());
        add.setId("staff-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.setId("staff-grid");
        grid.setEmptyStateText(getTranslation("common.empty"));
        grid.addColumn(StaffResponse::getUsername).setHeader(getTranslation("staff.username")).setAutoWidth(true);
        grid.addColumn(s -> getTranslation("staff.role." + s.getRole().getValue())).setHeader(getTranslation("staff.role"));
        grid.addColumn(s -> getTranslation(Boolean.TRUE.equals(s.getActive()) ? "staff.active" : "staff.inactive"))
                .setHeader(getTranslation("staff.state"));
        grid.addColumn(s -> getTranslation(Boolean.TRUE.equals(s.getTotpEnabled()) ? "common.yes" : "common.no"))
                .setHeader(getTranslation("staff.totp"));
        grid.addColumn(s -> s.getTelegramId() == null ? "" : s.getTelegramId().toString()).setHeader("Telegram id");
        grid.addColumn(s -> s.getLastLoginAt() == null ? "" : AT.format(s.getLastLoginAt().toLocalDateTime()))
                .setHeader(getTranslation("staff.lastLogin"));
        grid.addColumn(s -> s.getLockedUntil() == null ? "" : AT.format(s.getLockedUntil().toLocalDateTime()))
                .setHeader(getTranslation("staff.lockedUntil"));
        grid.addItemClickListener(e -> editDialog(e.getItem()).open());
        add(add, grid);
        load();
    }

    private void load() {
        try {
            List<StaffResponse> staff = session.call(c -> new AdminStaffApi(c).listStaff());
            grid.setItems(staff);
        } catch (BackendException e) {
            Failures.show(e);
        }
    }

    private Dialog createDialog() {
        Dialog dialog = new Dialog(getTranslation("staff.add"));
        TextField username = new TextField(getTranslation("staff.username"));
        username.setId("staff-username");
        PasswordField password = new PasswordField(getTranslation("staff.password"));
        password.setId("staff-password");
        password.setHelperText(getTranslation("staff.passwordHelp"));
        Select<StaffCreateRequest.RoleEnum> role = new Select<>();
        role.setId("staff-role");
        role.setLabel(getTranslation("staff.role"));
        role.setItems(StaffCreateRequest.RoleEnum.values());
        role.setItemLabelGenerator(r -> getTranslation("staff.role." + r.getValue()));
        role.setValue(StaffCreateRequest.RoleEnum.OPERATOR);
        TextField telegram = new TextField("Telegram id");
        telegram.setId("staff-telegram");
        telegram.setAllowedCharPattern("[0-9]");
        telegram.setHelperText(getTranslation("staff.telegramHelp"));
        dialog.add(new FormLayout(username, password, role, telegram));
        Button save = new Button(getTranslation("common.save"), e -> {
            if (password.getValue().length() < 12) {
                password.setErrorMessage(getTranslation("staff.passwordHelp"));
                password.setInvalid(true);
                return;
            }
            try {
                session.call(c -> new AdminStaffApi(c).createStaff(new StaffCreateRequest()
                        .username(username.getValue().strip()).password(password.getValue()).role(role.getValue())
                        .telegramId(telegram.isEmpty() ? null : Long.valueOf(telegram.getValue()))));
                dialog.close();
                load();
            } catch (BackendException ex) {
                Failures.show(ex, Map.of("username", username, "password", password, "telegramId", telegram));
            }
        });
        save.setId("staff-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), save);
        return dialog;
    }

    private Dialog editDialog(StaffResponse staff) {
        Dialog dialog = new Dialog(staff.getUsername());
        Select<StaffUpdateRequest.RoleEnum> role = new Select<>();
        role.setLabel(getTranslation("staff.role"));
        role.setItems(StaffUpdateRequest.RoleEnum.values());
        role.setItemLabelGenerator(r -> getTranslation("staff.role." + r.getValue()));
        role.setValue(StaffUpdateRequest.RoleEnum.fromValue(staff.getRole().getValue()));
        Checkbox active = new Checkbox(getTranslation("staff.active"), Boolean.TRUE.equals(staff.getActive()));
        TextField telegram = new TextField("Telegram id");
        telegram.setAllowedCharPattern("[0-9]");
        telegram.setValue(staff.getTelegramId() == null ? "" : staff.getTelegramId().toString());
        PasswordField password = new PasswordField(getTranslation("staff.newPassword"));
        password.setHelperText(getTranslation("staff.passwordHelp"));
        Button setPassword = new Button(getTranslation("staff.setPassword"), e -> {
            try {
                session.call(c -> {
                    new AdminStaffApi(c).resetStaffPassword(staff.getId(),
                            new PasswordResetRequest().password(password.getValue()));
                    return null;
                });
                password.clear();
                Notification.show(getTranslation("common.saved"), 2000, Notification.Position.BOTTOM_START);
            } catch (BackendException ex) {
                Failures.show(ex, Map.of("password", password));
            }
        });
        Button resetTotp = new Button(getTranslation("staff.resetTotp"), e -> confirm(getTranslation("staff.resetTotpText"),
                () -> session.call(c -> new AdminStaffApi(c).resetStaffTotp(staff.getId())), dialog));
        resetTotp.setEnabled(Boolean.TRUE.equals(staff.getTotpEnabled()));
        Button unlock = new Button(getTranslation("staff.unlock"),
                e -> act(() -> session.call(c -> new AdminStaffApi(c).unlockStaff(staff.getId())), dialog));
        unlock.setEnabled(staff.getLockedUntil() != null);
        dialog.add(new FormLayout(role, active, telegram), new HorizontalLayout(password, setPassword),
                new HorizontalLayout(resetTotp, unlock));
        Button save = new Button(getTranslation("common.save"), e -> {
            Runnable update = () -> act(() -> session.call(c -> new AdminStaffApi(c).updateStaff(staff.getId(),
                    new StaffUpdateRequest().role(role.getValue()).active(active.getValue())
                            .telegramId(telegram.isEmpty() ? null : Long.valueOf(telegram.getValue())))), dialog);
            if (!active.getValue() && Boolean.TRUE.equals(staff.getActive())) {
                confirm(getTranslation("staff.deactivateText", staff.getUsername()), update::run, dialog);
            } else {
                update.run();
            }
        });
        save.setId("staff-update");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), save);
        return dialog;
    }

    private void confirm(String text, Runnable call, Dialog dialog) {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("common.confirm"), text,
                getTranslation("common.confirm"), ok -> act(call, dialog), getTranslation("common.cancel"), no -> { });
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    private void act(Runnable call, Dialog dialog) {
        try {
            call.run();
            dialog.close();
            load();
        } catch (BackendException e) {
            Failures.show(e);
        }
    }
}
