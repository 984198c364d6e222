package dev.darkmaximus.admin.ui;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A screen for admins only: operators are turned away before it renders and don't see it in the menu. The
 * backend refuses its calls to operators anyway; this keeps them from a screen of errors.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface AdminOnly {
}
