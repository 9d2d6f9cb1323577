/**
 * The id of the group that holds notes no theme fits. Its own module so code that only needs the
 * id (the grouping preview in the panel) does not pull in the clustering engine.
 */
export const UNSORTED_GROUP_ID = 'unsorted';
