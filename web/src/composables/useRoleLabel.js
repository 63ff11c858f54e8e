import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { useAuthStore } from '@/stores/auth'

/** The role's name: the server's Chinese label, translated in other languages. */
export function useRoleLabel() {
  const { t, te, locale } = useI18n()
  const auth = useAuthStore()
  return computed(() => {
    const role = auth.user?.role
    if (!role) return ''
    return locale.value !== 'zh-CN' && te(`roles.${role}`) ? t(`roles.${role}`) : auth.user.role_label || role
  })
}
