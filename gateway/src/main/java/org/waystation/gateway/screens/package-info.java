/**
 * The screens, served by the gateway from the {@code web} module's jar: one page for each
 * area (worker, staff, supervisor, admin) and the sign-in callback, with the scripts,
 * styles and charts library they load. The pages hold no data; everything they show comes
 * from the API with the signed-in person's token.
 */
package org.waystation.gateway.screens;
