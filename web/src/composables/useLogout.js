import { useRouter } from 'vue-router'
import { useI18n } from 'vue-i18n'
import { ElMessage } from 'element-plus'
import { useAuthStore } from '@/stores/auth'

export function useLogout() {
  const auth = useAuthStore()
  const router = useRouter()
  const { t } = useI18n()
  return async function logout() {
    await auth.logout()
    ElMessage.success(t('login.loggedOut'))
    router.replace('/login')
  }
}
