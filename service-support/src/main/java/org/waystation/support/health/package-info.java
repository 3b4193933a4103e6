/** Health indicators that work on MongoDB and on mongo-java-server alike. */
package org.waystation.support.health;
