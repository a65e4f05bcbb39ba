export { DELIVERY_HORIZON_DAYS, type Delivery, type DeliveryInput, deliveryTime } from "./delivery";
export { DEFAULT_DIGEST_TIME, type DigestInput, nextDigestAt } from "./digest";
export { isInsideHours, type NotificationHours, notificationProfile } from "./hours";
