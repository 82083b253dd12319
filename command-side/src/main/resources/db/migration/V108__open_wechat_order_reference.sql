-- An appointment's or bill's open orders are looked up by what they pay for (OpenWeChatOrders.openOf):
-- switching to the balance and a hold's expiry close every one of them.
CREATE INDEX ix_open_wechat_order_reference ON open_wechat_order (purpose, reference_id);
