package dev.mora.payment;

import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.OkHttpClient;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PaymentConfiguration {

	@Bean
	MercadoPagoClient mercadoPagoClient(OkHttpClient whatsAppHttpClient, ObjectMapper json,
			PaymentProperties properties) {
		PaymentProperties.MercadoPago mercadoPago = properties.mercadoPago();
		if (properties.provider() == PaymentProperties.Provider.MERCADOPAGO
				&& (mercadoPago.accessToken() == null || mercadoPago.accessToken().isBlank())) {
			throw new IllegalStateException(
					"mora.payments.provider=mercadopago needs mora.payments.mercado-pago.access-token");
		}
		return new MercadoPagoClient(whatsAppHttpClient, json, mercadoPago.apiBaseUrl(),
				(mercadoPago.accessToken() != null) ? mercadoPago.accessToken() : "");
	}

}
