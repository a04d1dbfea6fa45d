import type { PropsWithChildren } from 'react'
import './app.scss'

/** The app shell: pages render inside; global styles (type scale, colours, 大字模式) come from app.scss. */
function App({ children }: PropsWithChildren) {
  return children
}

export default App
