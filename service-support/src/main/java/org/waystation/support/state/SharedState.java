package org.waystation.support.state;

/**
 * State an instance keeps in memory while every instance of its service may change it in
 * the store: routing rules, the trained classifier, hot topics, the SLA calendar. The
 * {@link SharedStateRefresher} calls {@link #refresh()} on every such bean at the refresh
 * interval, so a change made through one instance reaches the others within it.
 */
public interface SharedState {

	/**
	 * Writes what this instance holds back for the store, if anything, and picks up what
	 * other instances changed. Cheap when nothing did (a read by id or a version check).
	 */
	void refresh();

}
