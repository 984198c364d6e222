package dev.darkmaximus.admin.ui;

import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

/** Where an operator lands when they open an admin-only screen by its address. */
@Route(value = "no-access", layout = MainLayout.class)
@PageTitle("No access · Dark Maximus")
public class NoAccessView extends VerticalLayout {

    public NoAccessView() {
        H3 title = new H3(getTranslation("noAccess.title"));
        title.setId("no-access");
        add(title, new Paragraph(getTranslation("noAccess.text")));
    }
}
