/** About 200 m around a point: the view a found or chosen point is shown in. */
const POINT_MARGIN = 0.002;

export const aroundPoint = ([lng, lat]: [number, number]): [number, number, number, number] => [lng - POINT_MARGIN, lat - POINT_MARGIN, lng + POINT_MARGIN, lat + POINT_MARGIN];
