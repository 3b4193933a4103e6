/**
 * Appeals that are about the same thing: the same worker writing again (a 并单 suggestion
 * linking to the earlier appeal) and many workers writing about one thing (a hot topic).
 */
package org.waystation.routing.similar;
